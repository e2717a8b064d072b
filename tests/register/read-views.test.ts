import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { collabUpdates, registerRows, users } from "../../db/schema";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { unshareItem } from "../../app/domain/evidence/unshare-item.server";
import { openRegister } from "../../app/domain/register/open-register.server";
import { UNREADABLE_EVIDENCE } from "../../app/domain/register/readable-evidence.server";
import { parseCsv } from "../../app/lib/tabular/csv";
import { loader as exportLoader } from "../../app/routes/register.export";
import { HISTORY_EDITS_SHOWN } from "../../app/domain/register/get-register-history.server";
import { loader as historyLoader } from "../../app/routes/register.history";
import { loader as printLoader } from "../../app/routes/register.print";
import { openTestDatabase } from "../support/db";
import { createUser, createWorld, type World } from "../support/factories";
import { callRoute } from "../support/routes";
import { addItem } from "../evidence/support";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await openRegister(database, world.actors.leadA);
});
afterAll(async () => {
  await database?.close();
});

const blank = { characteristics: [], barrier: "", issue: "", identifiedBy: "", evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", updates: [], status: null };

describe("the register's printable view and export", () => {
  it("never show the title of an evidence item the reader cannot see (unshared, or linked while private to its organisation)", async () => {
    // Linked while shared, then made private again by its organisation.
    const unshared = await addItem(database, world.actors.leadA2, { title: "Complaints about Ward 7 (A2 only)" });
    await shareItem(database, world.actors.leadA2, { itemId: unshared, decisions: {} });
    await unshareItem(database, world.actors.leadA2, { itemId: unshared });
    // Linked by an import while private to the importer's organisation.
    const privateItem = await addItem(database, world.actors.leadA2, { title: "Draft board paper (A2 only)" });
    const shared = await addItem(database, world.actors.leadA2, { title: "Deaf society briefing" });
    await shareItem(database, world.actors.leadA2, { itemId: shared, decisions: {} });
    await database.db.insert(registerRows).values({
      ...blank,
      collaborativeId: world.collaboratives.x,
      rowKey: "evidence-row",
      position: 0,
      barrier: "No BSL at reception",
      evidence: [
        { url: `/evidence/${unshared}`, title: "Complaints about Ward 7 (A2 only)", evidenceId: unshared },
        { url: `/evidence/${privateItem}`, title: "Draft board paper (A2 only)", evidenceId: privateItem },
        // Written as the library's title was when it was linked.
        { url: `/evidence/${shared}`, title: "Old title", evidenceId: shared },
        { url: "https://example.org/report", title: "Healthwatch report", evidenceId: null },
        // Whatever a modified client wrote: not an id PostgreSQL would take.
        { url: "/evidence/not-an-id", title: "Odd link", evidenceId: "not-an-id" },
      ],
    });

    const print = await callRoute(database, printLoader, world.people.leadA, "/register/print");
    expect(print.status).toBe(200);
    const printed = JSON.stringify(print.body);
    expect(printed).not.toContain("A2 only");
    const [row] = (print.body as { rows: { rowKey: string; evidence: { title: string; unreadable?: boolean }[] }[] }).rows.filter((r) => r.rowKey === "evidence-row");
    expect(row!.evidence.map((e) => [e.title, Boolean(e.unreadable)])).toEqual([
      [UNREADABLE_EVIDENCE, true],
      [UNREADABLE_EVIDENCE, true],
      ["Deaf society briefing", false],
      ["Healthwatch report", false],
      [UNREADABLE_EVIDENCE, true],
    ]);

    const csv = await callRoute(database, exportLoader, world.people.leadA, "/register/export?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.body).not.toContain("A2 only");
    const [headers, ...lines] = parseCsv(String(csv.body));
    const evidence = lines.find((l) => l[1] === "No BSL at reception")![headers!.indexOf("Supporting evidence")];
    expect(evidence).toContain(`${UNREADABLE_EVIDENCE} </evidence/${unshared}>`);
    expect(evidence).toContain(`Deaf society briefing </evidence/${shared}>`);

    // Its own organisation still reads its items' titles.
    const own = await callRoute(database, exportLoader, world.people.leadA2, "/register/export?format=csv");
    expect(own.body).toContain(`Draft board paper (A2 only) </evidence/${privateItem}>`);
  });
});

describe("the register's history", () => {
  it("keeps two people of one name apart, and says whom each works for", async () => {
    const atA = await createUser(database, [[world.orgs.a, "contributor"]]);
    const atA2 = await createUser(database, [[world.orgs.a2, "contributor"]]);
    for (const person of [atA, atA2]) await database.db.update(users).set({ name: "Sam Jones" }).where(eq(users.id, person.id));
    const document = `register:${world.collaboratives.x}`;
    const now = Date.now();
    await database.db.insert(collabUpdates).values([
      { collaborativeId: world.collaboratives.x, document, userId: atA.id, rowKeys: ["evidence-row"], createdAt: new Date(now - 60_000) },
      { collaborativeId: world.collaboratives.x, document, userId: atA2.id, rowKeys: ["evidence-row"], createdAt: new Date(now) },
    ]);
    const answer = await callRoute(database, historyLoader, world.people.viewerA, "/register/history");
    const entries = (answer.body as { entries: { userName: string; organisations: string[]; changes: number }[] }).entries;
    const [orgA] = await database.db.query.organisations.findMany({ where: (o, { eq }) => eq(o.id, world.orgs.a) });
    const [orgA2] = await database.db.query.organisations.findMany({ where: (o, { eq }) => eq(o.id, world.orgs.a2) });
    expect(entries.map((e) => [e.userName, e.organisations, e.changes])).toEqual([
      ["Sam Jones", [orgA2!.name], 1],
      ["Sam Jones", [orgA!.name], 1],
    ]);
    expect((answer.body as { earlierEdits: boolean }).earlierEdits).toBe(false);
  });

  it("says when it lists only the most recent edits, and from when", async () => {
    const document = `register:${world.collaboratives.x}`;
    const start = Date.UTC(2026, 0, 1, 9);
    // Ten minutes apart, so each is its own entry; one more than the page reads.
    await database.db.insert(collabUpdates).values(
      Array.from({ length: HISTORY_EDITS_SHOWN + 1 }, (_, i) => ({
        collaborativeId: world.collaboratives.x,
        document,
        userId: world.people.leadA.id,
        rowKeys: ["evidence-row"],
        createdAt: new Date(start + i * 600_000),
      })),
    );
    const answer = await callRoute(database, historyLoader, world.people.viewerA, "/register/history");
    const body = answer.body as { entries: { from: string }[]; earlierEdits: boolean; editsShown: number };
    expect(body.earlierEdits).toBe(true);
    expect(body.editsShown).toBe(HISTORY_EDITS_SHOWN);
    // The newest HISTORY_EDITS_SHOWN: all of these but the first.
    expect(body.entries).toHaveLength(HISTORY_EDITS_SHOWN);
    expect(new Date(body.entries.at(-1)!.from).getTime()).toBe(start + 600_000);
  });
});
