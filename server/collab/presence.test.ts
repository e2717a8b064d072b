import * as awarenessProtocol from "y-protocols/awareness";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { stampAwareness } from "./presence";

const me = { id: "u1", name: "Asha Patel", organisation: "Trust A", colour: "#005eb8" };

function updateOf(states: Record<string, unknown>[]): { update: Uint8Array; ids: number[] } {
  const awarenesses = states.map((state) => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState(state);
    return awareness;
  });
  const merged = new awarenessProtocol.Awareness(new Y.Doc());
  for (const a of awarenesses) awarenessProtocol.applyAwarenessUpdate(merged, awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID]), null);
  const ids = awarenesses.map((a) => a.clientID);
  return { update: awarenessProtocol.encodeAwarenessUpdate(merged, ids), ids };
}

function decode(update: Uint8Array) {
  const target = new awarenessProtocol.Awareness(new Y.Doc());
  awarenessProtocol.applyAwarenessUpdate(target, update, null);
  // Without the decoding side's own (empty) local state.
  return new Map([...target.getStates()].filter(([id]) => id !== target.clientID));
}

describe("stampAwareness", () => {
  it("replaces the claimed user with the connection's identity and keeps the rest", () => {
    const { update, ids } = updateOf([{ user: { id: "u2", name: "Someone else", organisation: "NHS England", colour: "#000000" }, focus: { row: "r1", column: "status" } }]);
    const states = decode(stampAwareness(update, me, () => true)!);
    expect(states.get(ids[0]!)).toEqual({ user: me, focus: { row: "r1", column: "status" } });
  });

  it("stamps a state that claims no user at all", () => {
    const { update, ids } = updateOf([{ focus: null }]);
    expect(decode(stampAwareness(update, me, () => true)!).get(ids[0]!)).toEqual({ user: me, focus: null });
  });

  it("drops the entries of clients the connection may not use, and answers null when none is left", () => {
    const { update, ids } = updateOf([{ focus: null }, { focus: { row: "r2", column: "barrier" } }]);
    const states = decode(stampAwareness(update, me, (id) => id === ids[1])!);
    expect([...states.keys()]).toEqual([ids[1]]);
    expect(stampAwareness(update, me, () => false)).toBeNull();
  });

  it("refuses states that are not objects, and malformed bytes", () => {
    const { update } = updateOf([{ focus: null }]);
    const text = new TextDecoder().decode(update).replace('{"focus":null}', '["focus",null]');
    expect(() => stampAwareness(new TextEncoder().encode(text), me, () => true)).toThrow();
    expect(() => stampAwareness(update.slice(0, update.length - 2), me, () => true)).toThrow();
  });
});
