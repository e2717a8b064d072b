import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendRows, rowsOf } from "~/lib/register/model";
import { checkAppendOnlyLogs as checkLogs, withOrganisation } from "./append-only";
import { readIncoming } from "./incoming-update";

const asha = { id: "u-asha", name: "Asha Patel", organisation: "Trust A", colour: "#005eb8" };
const ben = { id: "u-ben", name: "Ben Ode", organisation: "Trust B", colour: "#007f3b" };
const checkAppendOnlyLogs = (doc: Y.Doc, root: string, field: string, update: Uint8Array, sender: typeof asha) =>
  checkLogs(readIncoming(doc, update), root, [{ field, signature: withOrganisation }], sender);
const signed = (who: typeof asha, text: string) => ({ at: "2026-12-06T05:00:00.000Z", authorId: who.id, authorName: `${who.name} (${who.organisation})`, text });

/** The server's copy with one row whose log has one entry by Asha, and a client's copy of it. */
function setUp() {
  const server = new Y.Doc();
  const [key] = appendRows(server, [{ barrier: "Interpreters booked late", updates: [signed(asha, "Update September 2021: audit started")] }]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const log = () => rowsOf(client).get(key!)!.get("updates") as Y.Array<unknown>;
  return { server, client, key: key!, log };
}

/** What the client's change sends (its update), checked as from `sender`. */
function check(server: Y.Doc, client: Y.Doc, change: () => void, sender = asha) {
  const before = Y.encodeStateVector(client);
  change();
  const update = Y.encodeStateAsUpdate(client, before);
  return checkAppendOnlyLogs(server, "rows", "updates", update, sender);
}

describe("checkAppendOnlyLogs", () => {
  it("lets the sender add their own entries, one or several at once, and edit anything else", () => {
    const { server, client, key, log } = setUp();
    expect(check(server, client, () => log().push([signed(asha, "Update October 2021")]))).toBeNull();
    expect(check(server, client, () => client.transact(() => log().push([signed(asha, "one"), signed(asha, "two")])))).toBeNull();
    expect(check(server, client, () => (rowsOf(client).get(key)!.get("barrier") as Y.Text).insert(0, "BSL "))).toBeNull();
  });

  it("refuses an entry signed as someone else, or with another name", () => {
    const { server, client, log } = setUp();
    expect(check(server, client, () => log().push([signed(ben, "forged")]))).toMatch(/signed by whoever adds it/);
    const { server: s2, client: c2, log: log2 } = setUp();
    expect(check(s2, c2, () => log2().push([{ ...signed(asha, "x"), authorName: "NHS England" }]))).toMatch(/signed/);
    const { server: s3, client: c3, log: log3 } = setUp();
    expect(check(s3, c3, () => c3.transact(() => log3().push([signed(asha, "fine"), signed(ben, "forged in the same run")])))).toMatch(/signed/);
  });

  it("judges the first entry of an empty log, and an entry sent along with copies of what the document has", () => {
    const server = new Y.Doc();
    const [key] = appendRows(server, [{ barrier: "No updates yet" }]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const log = () => rowsOf(client).get(key!)!.get("updates") as Y.Array<unknown>;
    expect(check(server, client, () => log().push([signed(ben, "first, forged")]))).toMatch(/signed/);
    const { server: s2, client: c2, log: log2 } = setUp();
    log2().push([signed(ben, "forged")]);
    // The whole state: the row and its log come along as if new.
    expect(checkAppendOnlyLogs(s2, "rows", "updates", Y.encodeStateAsUpdate(c2), asha)).toMatch(/signed/);
  });

  it("refuses removing another person's entry, and replacing the log", () => {
    const { server, client, key, log } = setUp();
    expect(check(server, client, () => log().delete(0, 1), ben)).toMatch(/Only its author/);
    const { server: s2, client: c2, key: k2 } = setUp();
    expect(check(s2, c2, () => rowsOf(c2).get(k2)!.set("updates", new Y.Array()), ben)).toMatch(/cannot be replaced/);
    expect(key).toBeTruthy();
  });

  it("lets the author remove their own entry (their undo), and anyone delete a whole row", () => {
    const { server, client, log } = setUp();
    expect(check(server, client, () => log().delete(0, 1), asha)).toBeNull();
    const { server: s2, client: c2, key: k2 } = setUp();
    expect(check(s2, c2, () => rowsOf(c2).delete(k2), ben)).toBeNull();
  });

  it("does not judge the entries of a row made in the same update (a row brought back by undo keeps its authors)", () => {
    const { server, client } = setUp();
    expect(check(server, client, () => appendRows(client, [{ barrier: "New", updates: [signed(ben, "copied as it was")] }]), asha)).toBeNull();
  });

  it("lets whoever deleted a row bring it back with their undo, other people's entries included", () => {
    const { server, client, key } = setUp();
    const undo = new Y.UndoManager(rowsOf(client));
    const deletion = Y.encodeStateVector(client);
    rowsOf(client).delete(key);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, deletion));
    expect(check(server, client, () => undo.undo(), ben)).toBeNull();
    expect(rowsOf(client).size).toBe(1);
  });

  it("does not judge what the document already has (a sync repeating it)", () => {
    const { server, client, log } = setUp();
    log().push([signed(ben, "Ben's, already stored")]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    expect(checkAppendOnlyLogs(server, "rows", "updates", Y.encodeStateAsUpdate(client), asha)).toBeNull();
  });
});
