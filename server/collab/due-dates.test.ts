import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendActions, changeDueDate, readActions } from "~/lib/plan/model";
import { rowsOf } from "~/lib/register/model";
import { planDocument } from "./documents/plan";

const asha = { id: "u-asha", name: "Asha Patel", organisation: "Trust A", colour: "#005eb8" };
const ben = { id: "u-ben", name: "Ben Ode", organisation: "Trust A", colour: "#007f3b" };
const me = { id: asha.id, name: asha.name };

/** The server's copy of a plan with an action due 31 December 2025, and a client's copy of it. */
function setUp(input: Parameters<typeof appendActions>[1][number] = { action: "Recruit BSL interpreters", originalDue: "2025-12-31", currentDue: "2025-12-31" }) {
  const server = new Y.Doc();
  const [key] = appendActions(server, [input]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const row = () => rowsOf(client).get(key!)!;
  return { server, client, key: key!, row };
}

/** The plan document's verdict on what the client's change sends, as from `sender`. */
function check(server: Y.Doc, client: Y.Doc, change: () => void, sender = asha) {
  const before = Y.encodeStateVector(client);
  change();
  return planDocument.checkUpdate!(server, Y.encodeStateAsUpdate(client, before), sender);
}

describe("a plan action's due date, judged by the server", () => {
  it("takes a move made with its reason, the first date of an undated action, and a new action with any dates", () => {
    const { server, client, key } = setUp();
    expect(check(server, client, () => changeDueDate(client, key, "31/03/2026", "Procurement delayed", me))).toBeNull();
    const undated = setUp({ action: "No date yet" });
    expect(check(undated.server, undated.client, () => changeDueDate(undated.client, undated.key, "2026-06-30", "", me))).toBeNull();
    const fresh = setUp();
    expect(check(fresh.server, fresh.client, () => appendActions(fresh.client, [{ action: "New", originalDue: "2024-01-31", currentDue: "2026-01-31" }]))).toBeNull();
  });

  it("refuses a due date moved or cleared without the record of why", () => {
    const { server, client, row } = setUp();
    expect(check(server, client, () => row().set("currentDue", "2026-03-31"))).toMatch(/reason recorded/);
    const cleared = setUp();
    expect(check(cleared.server, cleared.client, () => cleared.row().delete("currentDue"))).toMatch(/reason recorded/);
  });

  it("refuses a record that does not match the move, or gives no reason", () => {
    const entry = (over: object) => ({ at: "2026-12-06T08:00:00.000Z", authorId: asha.id, authorName: asha.name, from: "2025-12-31", to: "2026-03-31", reason: "Delayed", ...over });
    for (const wrong of [{ from: "2025-06-30" }, { to: "2026-09-30" }, { reason: "  " }, { reason: undefined }]) {
      const { server, client, row } = setUp();
      const moved = () =>
        client.transact(() => {
          row().set("currentDue", "2026-03-31");
          (row().get("dueChanges") as Y.Array<unknown>).push([entry(wrong)]);
        });
      expect(check(server, client, moved)).toMatch(/reason recorded/);
    }
    const { server, client, row } = setUp();
    const right = () =>
      client.transact(() => {
        row().set("currentDue", "2026-03-31");
        (row().get("dueChanges") as Y.Array<unknown>).push([entry({})]);
      });
    expect(check(server, client, right)).toBeNull();
  });

  it("refuses changing the original due date once set", () => {
    const { server, client, row } = setUp();
    expect(check(server, client, () => row().set("originalDue", "2026-12-31"))).toMatch(/original due date/);
    const deleted = setUp();
    expect(check(deleted.server, deleted.client, () => deleted.row().delete("originalDue"))).toMatch(/original due date/);
  });

  it("refuses a move recorded in someone else's name, and removing someone else's record", () => {
    const { server, client, key, row } = setUp();
    expect(check(server, client, () => changeDueDate(client, key, "31/03/2026", "Delayed", { id: ben.id, name: ben.name }))).toMatch(/signed/);
    const moved = setUp();
    changeDueDate(moved.server, moved.key, "31/03/2026", "Delayed", { id: ben.id, name: ben.name });
    Y.applyUpdate(moved.client, Y.encodeStateAsUpdate(moved.server));
    expect(check(moved.server, moved.client, () => (moved.row().get("dueChanges") as Y.Array<unknown>).delete(0, 1))).toMatch(/Only its author/);
    void row;
  });

  it("lets an action go with its whole history", () => {
    const { server, client, key } = setUp();
    changeDueDate(server, key, "31/03/2026", "Delayed", { id: ben.id, name: ben.name });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(check(server, client, () => rowsOf(client).delete(key))).toBeNull();
  });

  it("keeps due-date changes off the undo stack, so an undo never sends an unrecorded move", () => {
    const { client, key } = setUp();
    const undo = new Y.UndoManager(rowsOf(client), { captureTimeout: 0 });
    changeDueDate(client, key, "31/03/2026", "Delayed", me);
    expect(undo.canUndo()).toBe(false);
    expect(readActions(client)[0]).toMatchObject({ currentDue: "2026-03-31", originalDue: "2025-12-31" });
  });
});
