import type * as Y from "yjs";

/**
 * Binding a text box to a Y.Text, without React or a DOM so that it can be tested with two
 * documents exchanging updates. `TextEditor` (components/register/TextCell.tsx) is its only user.
 */

/** What the binding uses of an `<input>` or `<textarea>`. */
export interface TextBox {
  value: string;
  readonly selectionStart: number | null;
  readonly selectionEnd: number | null;
  readonly selectionDirection?: "forward" | "backward" | "none" | null;
  setSelectionRange(start: number, end: number, direction?: "forward" | "backward" | "none"): void;
}

export interface LocalEdit {
  /** Where, in the text before the edit, the edit starts. */
  index: number;
  remove: number;
  insert: string;
}

/**
 * The edit that turned `prev` into `next`, as the smallest delete and insert, placed where the
 * person made it. Where the smallest change could sit in more than one place (typing a space next
 * to a space, deleting one of two like letters) the text alone cannot say which, and the choice
 * matters: in the shared text each letter is its own item, anchored to its neighbours, so a space
 * put on the far side of another person's space moves this person's later typing to the far side
 * too. `caret` (the box's caret after the input: the end of what was typed, or where a deletion
 * was) settles it; when it does not fit the edit (or is null) the first place is used.
 */
export function localEdit(prev: string, next: string, caret: number | null): LocalEdit | null {
  const shorter = Math.min(prev.length, next.length);
  let start = 0;
  while (start < shorter && prev[start] === next[start]) start++;
  let suffix = 0;
  while (suffix < shorter - start && prev[prev.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  const remove = prev.length - start - suffix;
  const inserted = next.length - start - suffix;
  if (remove === 0 && inserted === 0) return null;
  if (caret !== null && caret <= next.length) {
    // The same change, ending at the caret: all before and after it must be unchanged.
    const at = caret - inserted;
    if (at >= 0 && at + remove <= prev.length && prev.slice(0, at) === next.slice(0, at) && prev.slice(at + remove) === next.slice(caret)) {
      return { index: at, remove, insert: next.slice(at, caret) };
    }
  }
  return { index: start, remove, insert: next.slice(start, start + inserted) };
}

/**
 * Where a position in a text goes when the text changes by `delta` (a Y.Text event's delta, in
 * the text as it was). Text inserted exactly at the position goes after it when `stick` is "left"
 * (a caret stays with the letter typed before it) and before it when "right".
 */
export function mapThroughDelta(position: number, delta: Y.YTextEvent["delta"], stick: "left" | "right"): number {
  let index = 0; // in the text as changed so far
  for (const op of delta) {
    if (index > position) break;
    if (op.retain) index += op.retain;
    else if (typeof op.insert === "string") {
      if (index < position || (index === position && stick === "right")) position += op.insert.length;
      index += op.insert.length;
    } else if (op.delete) {
      if (index < position) position -= Math.min(op.delete, position - index);
    }
  }
  return position;
}

/**
 * Binds `box` to `text`: `input()` (to be called on each input event) makes the box's change the
 * smallest delete/insert at the caret; every other change of the text (another person's, or an
 * undo) is written into the box at once, keeping its caret or selection with the text around it.
 */
export function bindTextToBox(text: Y.Text, box: TextBox, focused: () => boolean): { input(): void; destroy(): void } {
  box.value = text.toString();
  // Only this box's own changes are already in it. (Not every local transaction: the grid's
  // Ctrl+Z undoes in the document, locally, and the box must show that too.)
  let writing = false;
  const observe = (event: Y.YTextEvent) => {
    if (writing) return;
    const start = box.selectionStart ?? 0;
    const end = box.selectionEnd ?? start;
    const direction = box.selectionDirection ?? undefined;
    let nextStart: number;
    let nextEnd: number;
    if (start === end) nextStart = nextEnd = mapThroughDelta(start, event.delta, "left");
    else {
      // A selection keeps what it selected: text inserted at either edge stays outside it.
      nextStart = mapThroughDelta(start, event.delta, "right");
      nextEnd = Math.max(nextStart, mapThroughDelta(end, event.delta, "left"));
    }
    box.value = text.toString();
    if (focused()) box.setSelectionRange(nextStart, nextEnd, direction);
  };
  text.observe(observe);
  const input = () => {
    const edit = localEdit(text.toString(), box.value, box.selectionStart === box.selectionEnd ? box.selectionEnd : null);
    if (!edit) return;
    writing = true;
    try {
      text.doc!.transact(() => {
        if (edit.remove) text.delete(edit.index, edit.remove);
        if (edit.insert) text.insert(edit.index, edit.insert);
      });
    } finally {
      writing = false;
    }
  };
  return { input, destroy: () => text.unobserve(observe) };
}
