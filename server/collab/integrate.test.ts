import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AS_RECEIVED_MAX_BYTES, Integrator } from "./integrate";

/** A room's document and an integrator that reports the keys of a map named "rows". */
function room() {
  const doc = new Y.Doc();
  const rows = doc.getMap("rows");
  const integrator = new Integrator(doc, {
    changedKeys: (transaction) => [...(transaction.changed.get(rows as never) ?? [])].filter((k): k is string => k !== null),
  });
  return { doc, integrator };
}

/** A client's document following the room's, recording its updates. */
function client(from?: Y.Doc) {
  const doc = new Y.Doc();
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

describe("Integrator", () => {
  it("passes a small edit on exactly as received, with the rows it touched", () => {
    const { doc, integrator } = room();
    const alice = client();
    alice.doc.getMap("rows").set("row-1", "barrier");
    const update = alice.updates[0]!;
    const result = integrator.apply(update, "alice");
    expect(result!.payload).toBe(update);
    expect(result!.rowKeys).toEqual(["row-1"]);
    expect(doc.getMap("rows").get("row-1")).toBe("barrier");
  });

  it("reports nothing for an update it already has", () => {
    const { integrator } = room();
    const alice = client();
    alice.doc.getMap("rows").set("row-1", "x");
    expect(integrator.apply(alice.updates[0]!, "alice")).not.toBeNull();
    expect(integrator.apply(alice.updates[0]!, "alice")).toBeNull();
  });

  it("counts a deletion alone as a change", () => {
    const { doc, integrator } = room();
    const alice = client();
    alice.doc.getMap("rows").set("row-1", "x");
    integrator.apply(alice.updates[0]!, "alice");
    alice.doc.getMap("rows").delete("row-1");
    const result = integrator.apply(alice.updates[1]!, "alice");
    expect(result!.rowKeys).toEqual(["row-1"]);
    expect(doc.getMap("rows").has("row-1")).toBe(false);
  });

  it("keeps an update that waits for parts it depends on, as it is", () => {
    const { doc, integrator } = room();
    const alice = client();
    const text = alice.doc.getText("t");
    text.insert(0, "a");
    text.insert(1, "b");
    const second = alice.updates[1]!;
    expect(integrator.apply(second, "alice")).toEqual({ payload: second, rowKeys: [] });
    expect(integrator.apply(alice.updates[0]!, "alice")).not.toBeNull();
    expect(doc.getText("t").toString()).toBe("ab");
  });

  it("re-encodes a large update to what was new (a reconnecting client repeats what the room has)", () => {
    const { doc, integrator } = room();
    const alice = client();
    alice.doc.getText("t").insert(0, "x".repeat(AS_RECEIVED_MAX_BYTES));
    integrator.apply(alice.updates[0]!, "alice");
    const bob = client(doc);
    bob.doc.getMap("rows").set("row-9", "new");
    const everything = Y.encodeStateAsUpdate(bob.doc);
    expect(everything.length).toBeGreaterThan(AS_RECEIVED_MAX_BYTES);
    const result = integrator.apply(everything, "bob");
    expect(result!.payload.length).toBeLessThan(200);
    expect(result!.rowKeys).toEqual(["row-9"]);
    const other = client(alice.doc);
    Y.applyUpdate(other.doc, result!.payload);
    expect(other.doc.getMap("rows").get("row-9")).toBe("new");
  });
});
