import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bindTextToBox, localEdit, type TextBox } from "./text-binding";

/** A text box as a browser keeps one: writing a different value puts the caret at the end. */
class FakeBox implements TextBox {
  private v = "";
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: "forward" | "backward" | "none" = "none";
  focused = true;
  onInput = () => {};

  get value() {
    return this.v;
  }
  set value(next: string) {
    if (next === this.v) return;
    this.v = next;
    this.selectionStart = this.selectionEnd = next.length;
  }
  setSelectionRange(start: number, end: number, direction: "forward" | "backward" | "none" = "none") {
    this.selectionEnd = Math.min(Math.max(end, 0), this.v.length);
    this.selectionStart = Math.min(Math.max(start, 0), this.selectionEnd);
    this.selectionDirection = direction;
  }
  /** One keystroke: the selection is replaced by the character and the caret follows it. */
  type(char: string) {
    this.v = this.v.slice(0, this.selectionStart) + char + this.v.slice(this.selectionEnd);
    this.selectionStart = this.selectionEnd = this.selectionStart + char.length;
    this.onInput();
  }
  backspace() {
    const start = this.selectionStart === this.selectionEnd ? Math.max(0, this.selectionStart - 1) : this.selectionStart;
    this.v = this.v.slice(0, start) + this.v.slice(this.selectionEnd);
    this.selectionStart = this.selectionEnd = start;
    this.onInput();
  }
}

/** One person's copy of the document with the cell open in a box; their updates queue for the other. */
function person(clientID: number, outbox: Uint8Array[]) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const text = doc.getText("cell");
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") outbox.push(update);
  });
  const box = new FakeBox();
  return { doc, text, box };
}

function open(p: ReturnType<typeof person>) {
  const binding = bindTextToBox(p.text, p.box, () => p.box.focused);
  p.box.onInput = binding.input;
  return binding;
}

/** mulberry32: the same sequence for the same seed. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** Plain checks in the hot loop (expect() with a message per step is slow). */
function check(ok: boolean, message: () => string) {
  if (!ok) throw new Error(message());
}

const start = "Interpreters not booked for outpatients";

/**
 * Two people at the end of one cell type at once; keystrokes and the network's deliveries (in
 * order, each way) interleave as the random source says. Returns the merged text, and fails as
 * soon as either person's caret is not just after the last character they typed.
 */
function typeTogether(seed: number, aId: number, bId: number, aTypes: string, bTypes: string) {
  const toA: Uint8Array[] = [];
  const toB: Uint8Array[] = [];
  const a = person(aId, toB);
  const b = person(bId, toA);
  // The cell's first text comes from a third client, so neither person "owns" it.
  const origin = new Y.Doc();
  origin.clientID = 99;
  origin.getText("cell").insert(0, start);
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(origin), "remote");
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(origin), "remote");
  toA.length = toB.length = 0;
  open(a);
  open(b);
  a.box.setSelectionRange(start.length, start.length); // Control+End
  b.box.setSelectionRange(start.length, start.length);

  const left = { a: [...aTypes], b: [...bTypes] };
  const typedLast = new Map<Y.Doc, { client: number; clock: number }>();
  const caretFollowsOwnTyping = (p: typeof a, who: string) => {
    const last = typedLast.get(p.doc);
    if (!last) return;
    check(p.box.value === p.text.toString(), () => `seed ${seed}: ${who}'s box does not show the shared text`);
    const caret = p.box.selectionStart;
    const before = caret > 0 ? Y.createRelativePositionFromTypeIndex(p.text, caret - 1).item : null;
    check(
      before?.client === last.client && before.clock === last.clock,
      () => `seed ${seed}: ${who}'s caret is not just after what ${who} typed last, in ${JSON.stringify(p.text.toString())} at ${caret}`,
    );
  };
  const keystroke = (p: typeof a, who: string, char: string) => {
    caretFollowsOwnTyping(p, who);
    p.box.type(char);
    const item = Y.createRelativePositionFromTypeIndex(p.text, p.box.selectionStart - 1).item!;
    check(item.client === p.doc.clientID, () => `seed ${seed}: ${who}'s ${JSON.stringify(char)} is not placed where ${who} typed it`);
    typedLast.set(p.doc, { client: item.client, clock: item.clock });
  };

  const random = seeded(seed);
  for (;;) {
    const moves: (() => void)[] = [];
    if (left.a.length) moves.push(() => keystroke(a, "A", left.a.shift()!));
    if (left.b.length) moves.push(() => keystroke(b, "B", left.b.shift()!));
    if (toA.length) moves.push(() => Y.applyUpdate(a.doc, toA.shift()!, "remote"));
    if (toB.length) moves.push(() => Y.applyUpdate(b.doc, toB.shift()!, "remote"));
    if (!moves.length) break;
    moves[Math.floor(random() * moves.length)]!();
    caretFollowsOwnTyping(a, "A");
    caretFollowsOwnTyping(b, "B");
  }
  check(a.text.toString() === b.text.toString(), () => `seed ${seed}: the two copies differ`);
  check(a.box.value === a.text.toString() && b.box.value === b.text.toString(), () => `seed ${seed}: a box differs from its text`);
  return a.text.toString();
}

describe("localEdit", () => {
  it("places a typed character where the caret is, even beside the same character", () => {
    // "x| " and a space typed: "x | ", caret 2, so the new space is the one at 1, not at 2.
    expect(localEdit("x ", "x  ", 2)).toEqual({ index: 1, remove: 0, insert: " " });
    expect(localEdit("x ", "x  ", 3)).toEqual({ index: 2, remove: 0, insert: " " });
    expect(localEdit("aaa", "aaaa", 1)).toEqual({ index: 0, remove: 0, insert: "a" });
    expect(localEdit("ab ab", "ab ab ab", 3)).toEqual({ index: 0, remove: 0, insert: "ab " });
  });

  it("deletes the character the caret says was deleted", () => {
    expect(localEdit("a  b", "a b", 1)).toEqual({ index: 1, remove: 1, insert: "" });
    expect(localEdit("a  b", "a b", 2)).toEqual({ index: 2, remove: 1, insert: "" });
  });

  it("keeps the smallest change when the caret does not fit it, and nothing for no change", () => {
    expect(localEdit("abc", "abXc", 0)).toEqual({ index: 2, remove: 0, insert: "X" });
    expect(localEdit("abc", "abXc", null)).toEqual({ index: 2, remove: 0, insert: "X" });
    expect(localEdit("abcd", "aXYd", 3)).toEqual({ index: 1, remove: 2, insert: "XY" });
    expect(localEdit("abc", "abc", 1)).toBeNull();
  });
});

describe("a cell two people type in at once", () => {
  for (const [aId, bId] of [
    [1, 2],
    [2, 1],
  ] as const) {
    it(`keeps each person's letters after their own caret (client ids ${aId} and ${bId}), in every interleaving tried`, () => {
      const merged = /^Interpreters not booked for outpatients( \(BSL\)| urgently){2}$/;
      const seen = new Set<string>();
      for (let seed = 1; seed <= 1000; seed++) {
        const result = typeTogether(seed, aId, bId, " urgently", " (BSL)");
        check(merged.test(result), () => `seed ${seed}: ${JSON.stringify(result)}`);
        seen.add(result);
      }
      expect(seen.size).toBe(2); // both orders of the two additions occurred
    });

    it(`keeps carets right when both type the same letters (client ids ${aId} and ${bId})`, () => {
      for (let seed = 1; seed <= 500; seed++) {
        const result = typeTogether(seed, aId, bId, "  aa  ", " a  a");
        check(result.length === start.length + 11, () => `seed ${seed}: ${JSON.stringify(result)}`);
      }
    });
  }

  it("keeps a selection while the other person types before it", () => {
    const toA: Uint8Array[] = [];
    const toB: Uint8Array[] = [];
    const a = person(1, toB);
    const b = person(2, toA);
    a.text.insert(0, "hello world");
    Y.applyUpdate(b.doc, toB.shift()!, "remote");
    open(a);
    open(b);
    a.box.setSelectionRange(6, 11, "backward"); // "world"
    b.box.setSelectionRange(0, 0);
    b.box.type("O");
    b.box.type("h ");
    Y.applyUpdate(a.doc, toA.shift()!, "remote");
    Y.applyUpdate(a.doc, toA.shift()!, "remote");
    expect(a.box.value).toBe("Oh hello world");
    expect(a.box.value.slice(a.box.selectionStart, a.box.selectionEnd)).toBe("world");
    expect(a.box.selectionDirection).toBe("backward");
    // Typing over the selection replaces exactly it.
    a.box.type("there");
    Y.applyUpdate(b.doc, toB.shift()!, "remote");
    expect(b.text.toString()).toBe("Oh hello there");
  });

  it("shows an undo made while the box is open, and the next keystroke does not bring the undone text back", () => {
    const doc = new Y.Doc();
    const text = doc.getText("cell");
    const undo = new Y.UndoManager(text);
    const box = new FakeBox();
    const binding = bindTextToBox(text, box, () => true);
    box.onInput = binding.input;
    box.type("a");
    box.type("b");
    undo.stopCapturing();
    box.type("c");
    undo.undo(); // Ctrl+Z in the box reaches the grid, which undoes in the document
    expect(box.value).toBe("ab");
    expect(box.selectionStart).toBe(2);
    box.type("d");
    expect(text.toString()).toBe("abd");
    binding.destroy();
  });
});
