import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Database } from "../../db/client";
import { registerRows } from "../../db/schema";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { pullIntoPlan } from "../../app/domain/plans/pull-into-plan.server";
import { setPlanArchived } from "../../app/domain/plans/archive-plan.server";
import { deletePlan, previewDeletePlan } from "../../app/domain/plans/delete-plan.server";
import { appendActions, changeDueDate, readActions } from "../../app/lib/plan/model";
import { rowsOf } from "../../app/lib/register/model";
import { CLOSE } from "../../server/collab/protocol";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { connectClient, waitFor, type TestClient } from "./support/client";
import { ORIGIN, sessionCookie, startCollab, type RunningCollab } from "./support/server";

let database: Database;
let world: World;
let server: RunningCollab;
let doc: string;
let planId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  ({ id: planId } = await createPlan(database, world.actors.leadA, {
    kind: "equality_objectives",
    title: "A's plan",
    periodStart: "2025-04-01",
    periodEnd: "2029-03-31",
    objectives: [],
  }));
  doc = `plan:${planId}`;
  server = await startCollab(database, { connectsPerMinute: 1000 });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await database?.close();
});

function status(path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers: { origin: ORIGIN, cookie } });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("error", (e) => (e.message.includes("Unexpected server response") ? undefined : reject(e)));
  });
}

const client = async (userId: string) => {
  const c = connectClient({ serverUrl: server.serverUrl, document: doc, cookie: await sessionCookie(database, userId), origin: ORIGIN });
  clients.push(c);
  return c;
};

describe("a plan over the collaboration server", () => {
  it("is private to its organisation: others of the same collaborative, and other collaboratives, get 404", async () => {
    expect(await status(`/collab/${doc}`, await sessionCookie(database, world.people.leadA.id))).toBe(101);
    expect(await status(`/collab/${doc}`, await sessionCookie(database, world.people.leadA2.id))).toBe(404);
    expect(await status(`/collab/${doc}`, await sessionCookie(database, world.people.leadB.id))).toBe(404);
    expect(await status(`/collab/plan:${randomUUID()}`, await sessionCookie(database, world.people.leadA.id))).toBe(404);
  });

  it("lets contributors edit and keeps viewers read-only", async () => {
    const contributor = await client(world.people.contributorA.id);
    const viewer = await client(world.people.viewerA.id);
    await Promise.all([contributor.synced(), viewer.synced()]);
    await waitFor(() => viewer.denials.includes("read-only"), "read-only notice");
    appendActions(contributor.doc, [{ action: "Written by the contributor" }]);
    await waitFor(() => readActions(viewer.doc).some((a) => a.action === "Written by the contributor"), "the contributor's action at the viewer");
    appendActions(viewer.doc, [{ action: "Written by a viewer" }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(readActions(contributor.doc).some((a) => a.action === "Written by a viewer")).toBe(false);
  });

  it("delivers an action pulled by a request to pages that have the plan open", async () => {
    const open = await client(world.people.leadA.id);
    await open.synced();
    const rowKey = randomUUID();
    await database.db.insert(registerRows).values({
      collaborativeId: world.collaboratives.x, rowKey, position: 9_000_000, characteristics: ["race"], barrier: "Pulled live", issue: "", identifiedBy: "",
      evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
    });
    await pullIntoPlan(database, world.actors.leadA, planId, { kind: "register", id: rowKey });
    await waitFor(() => readActions(open.doc).some((a) => a.barrier === "Pulled live" && a.source?.id === rowKey), "the pulled action, live");
    expect(readActions(open.doc).some((a) => a.action === "Written by the contributor")).toBe(true);
  });

  it("keeps due-date moves with their reason: a move without one closes that connection, and nobody receives it", async () => {
    const lead = await client(world.people.leadA.id);
    const contributor = await client(world.people.contributorA.id);
    await Promise.all([lead.synced(), contributor.synced()]);
    const [key] = appendActions(lead.doc, [{ action: "Recruit BSL interpreters", originalDue: "2025-12-31", currentDue: "2025-12-31" }]);
    const dueAt = (c: TestClient) => readActions(c.doc).find((a) => a.key === key)?.currentDue;
    await waitFor(() => dueAt(contributor) === "2025-12-31", "the action at the contributor");

    // As the page moves it: signed with the contributor's name, with the reason.
    changeDueDate(contributor.doc, key!, "31/03/2026", "Procurement delayed", { id: world.people.contributorA.id, name: world.people.contributorA.name });
    await waitFor(() => dueAt(lead) === "2026-03-31", "the recorded move at the lead");

    rowsOf(contributor.doc).get(key!)!.set("currentDue", "2027-03-31");
    await waitFor(() => contributor.closes.length > 0, "the connection that moved a date without a reason to close");
    expect(contributor.closes[0]).toEqual({ code: CLOSE.refused.code, reason: "Change refused: A due date moves only with its reason recorded" });
    contributor.destroy();
    const late = await client(world.people.leadA.id);
    await late.synced();
    expect(dueAt(late)).toBe("2026-03-31");
    expect(readActions(late.doc).find((a) => a.key === key)?.dueChanges.map((c) => c.reason)).toEqual(["Procurement delayed"]);
  });

  it("stores nothing for a plan only opened, so it can still be deleted; its open pages are then disconnected", async () => {
    const { id: unused } = await createPlan(database, world.actors.leadA, { kind: "workforce", title: "Made by mistake", periodStart: "2025-04-01", periodEnd: "2026-03-31", objectives: [] });
    const c = connectClient({ serverUrl: server.serverUrl, document: `plan:${unused}`, cookie: await sessionCookie(database, world.people.contributorA.id), origin: ORIGIN });
    clients.push(c);
    await c.synced();
    await new Promise((r) => setTimeout(r, 300));
    expect((await previewDeletePlan(database, world.actors.leadA, unused)).workedOn).toBe(false);
    await deletePlan(database, world.actors.leadA, unused);
    await waitFor(() => c.closes.some((close) => close.code === CLOSE.accessRemoved.code), "the open page disconnected", 5_000);
  });

  it("makes open editors read-only as soon as the plan is archived, and writable again (reconnecting) once restored", async () => {
    const lead = await client(world.people.leadA.id);
    const contributor = await client(world.people.contributorA.id);
    await Promise.all([lead.synced(), contributor.synced()]);
    await setPlanArchived(database, world.actors.leadA, planId, true);
    // Announced: the revalidation turn checks access again only when a role changes.
    await waitFor(() => lead.denials.includes("read-only") && contributor.denials.includes("read-only"), "read-only notices", 5_000);
    appendActions(contributor.doc, [{ action: "Written after archiving" }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(readActions(lead.doc).some((a) => a.action === "Written after archiving")).toBe(false);
    const newcomer = await client(world.people.leadA.id);
    await newcomer.synced();
    await waitFor(() => newcomer.denials.includes("read-only"), "read-only at connection");

    await setPlanArchived(database, world.actors.leadA, planId, false);
    await waitFor(() => lead.closes.some((c) => c.code === CLOSE.accessChanged.code), "reconnect with write access");
    const writer = await client(world.people.contributorA.id);
    const reader = await client(world.people.leadA.id);
    await Promise.all([writer.synced(), reader.synced()]);
    appendActions(writer.doc, [{ action: "Written after restoring" }]);
    await waitFor(() => readActions(reader.doc).some((a) => a.action === "Written after restoring"), "the restored plan's edit");
    expect(readActions(reader.doc).some((a) => a.action === "Written after archiving")).toBe(false);
  });
});
