/**
 * Objective plans, through the real tenant path (withTenant, RLS on):
 *  (a) opening a 500-action plan cold from the database: the plan page's loader (openPlan: plan
 *      row, every action as last projected, pulled sources, pickers), which the page shows at
 *      once; and, reported beside it, the collaboration server loading the live document (the
 *      stored state, one statement, decoded into a fresh Y.Doc + readActions), after which the
 *      page becomes editable;
 *  (b) loadRegisterRollup over a register of 60 barriers, each pulled by 50 organisations, as a
 *      regional lead (per-organisation detail on) and as an equality lead (counts only).
 *   npm run bench:plans                                   (embedded PGlite)
 *   DATABASE_URL=postgres://... npm run bench:plans       (a scratch database there, created and dropped)
 * BENCH_ACTIONS (500), BENCH_BARRIERS (60), BENCH_ORGS (50), BENCH_RUNS (30). Target: p95 <= 150 ms each.
 */
import { performance } from "node:perf_hooks";
import { measure as measureRuns } from "./support/timing";
import { sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Database } from "../db/client";
import { openBenchDatabase } from "../db/scratch";
import { collabSnapshots, collabUpdates, collaborativeMembers, collaboratives, memberships, organisations, plans, users, type Role } from "../db/schema";
import { withOwner, withTenant } from "../db/tenant";
import type { Actor } from "../app/domain/auth/actor";
import { tenantOf } from "../app/domain/auth/actor";
import { loadActingContexts } from "../app/domain/auth/load-contexts.server";
import { loadDocumentState } from "../app/domain/collab/document-store.server";
import { openPlan } from "../app/domain/plans/open-plan.server";
import { projectPlan } from "../app/domain/plans/project-plan.server";
import { loadRegisterRollup } from "../app/domain/plans/register-rollup.server";
import { encodeNewAction, encodePlan, readActions, type ActionInput } from "../app/lib/plan/model";

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 500);
const BARRIERS = Number(process.env.BENCH_BARRIERS ?? 60);
const ORGS = Number(process.env.BENCH_ORGS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** Edits not yet compacted into the snapshot when the plan is opened. */
const PENDING_UPDATES = 50;

const open = () => openBenchDatabase("peff_bench_plans");

async function actorWith(database: Database, orgId: string, collaborativeId: string, role: Role): Promise<Actor> {
  const [u] = await database.db
    .insert(users)
    .values({ email: `bench-${role}-${Math.random().toString(36).slice(2)}@bench.example`, name: `Bench ${role}` })
    .returning({ id: users.id });
  await database.db.insert(memberships).values({ userId: u!.id, orgId, role });
  const contexts = await loadActingContexts(database, u!.id);
  return { userId: u!.id, name: `Bench ${role}`, email: "bench@bench.example", sessionId: "bench", contexts, active: contexts.find((c) => c.collaborativeId === collaborativeId)! };
}

/** A realistic action: Appendix B-sized text, two dated updates, a due-date move, three steps. */
function benchAction(i: number): ActionInput {
  const who = { authorId: null, authorName: "Bench lead (Bench org)" };
  return {
    characteristics: [["disability", "deaf_bsl"], ["race"], ["age", "older_people"], ["all"]][i % 4]!,
    barrier: `Poor access to services and poor outcomes (barrier ${i})`,
    issue: "D/deaf people and BSL users cannot book or attend appointments without an interpreter being arranged for them.",
    action: `Work closely with providers and general practice to progress the D/deaf access action plan, step ${i}.`,
    responsibleOfficer: "Head of Patient Experience",
    originalDue: "2025-03-31",
    currentDue: "2026-12-31",
    dueChanges: [{ at: "2025-02-14T09:00:00Z", ...who, from: "2025-03-31", to: "2026-12-31", reason: "The regional procurement was delayed." }],
    updates: [
      { at: "2024-09-01T09:00:00Z", ...who, text: "The system-wide procurement for interpretation and translation services incorporates the collaborative's quality standards." },
      { at: "2025-09-01T09:00:00Z", ...who, text: "Contract awarded. A timeline is in development to confirm the go-live date for every site." },
    ],
    edsOutcomes: ["EDS2022:1A", "EDS2022:1B", "EDS2022:1D", "EDS2:1.1", "EDS2:2.1"],
    psedAims: ["advance", "eliminate"],
    objectives: ["2", "3"],
    status: ["blue", "green", "amber", "red"][i % 4]!,
    steps: [1, 2, 3].map((n) => ({ key: `s${i}-${n}`, text: `Step ${n} of action ${i}`, due: "2026-06-30", status: "amber" })),
    risks: "Few providers in the region.",
    mitigations: "Regional procurement.",
  };
}

/** (a) One organisation's plan of ACTIONS actions: a snapshot plus PENDING_UPDATES stored updates, projected. */
async function generatePlan(database: Database): Promise<{ actor: Actor; planId: string }> {
  const [collab] = await database.db.insert(collaboratives).values({ name: "Bench plans" }).returning({ id: collaboratives.id });
  const [org] = await database.db.insert(organisations).values({ name: "Bench trust", type: "acute_trust" }).returning({ id: organisations.id });
  await database.db.insert(collaborativeMembers).values({ collaborativeId: collab!.id, orgId: org!.id });
  const actor = await actorWith(database, org!.id, collab!.id, "equality_lead");
  const [plan] = await database.db
    .insert(plans)
    .values({ collaborativeId: collab!.id, orgId: org!.id, kind: "equality_objectives", title: "Bench plan", periodStart: "2024-04-01", periodEnd: "2028-03-31", createdBy: actor.userId })
    .returning({ id: plans.id });
  const planId = plan!.id;
  const document = `plan:${planId}`;
  const snapshotCount = ACTIONS - PENDING_UPDATES;
  const state = encodePlan(Array.from({ length: snapshotCount }, (_, i) => ({ key: `bench-${i}`, ...benchAction(i) })));
  await database.db.insert(collabSnapshots).values({ document, collaborativeId: collab!.id, orgId: org!.id, state });
  for (let i = snapshotCount; i < ACTIONS; i++) {
    await database.db.insert(collabUpdates).values({ collaborativeId: collab!.id, orgId: org!.id, document, userId: actor.userId, payload: encodeNewAction(`bench-${i}`, benchAction(i), i + 1), rowKeys: [`bench-${i}`] });
  }
  await withTenant(database, tenantOf(actor), async (tx) => {
    const doc = new Y.Doc();
    for (const part of await loadDocumentState(tx, document)) Y.applyUpdate(doc, part);
    await projectPlan(tx, { planId, collaborativeId: collab!.id, orgId: org!.id }, readActions(doc));
    doc.destroy();
  });
  return { actor, planId };
}

/** Opening the plan page: its loader reads the plan and every action (as last projected) from SQL. */
async function openPage(database: Database, actor: Actor, planId: string): Promise<number> {
  const opened = await openPlan(database, actor, planId);
  if (opened?.actions.length !== ACTIONS) throw new Error(`expected ${ACTIONS} actions, read ${opened?.actions.length}`);
  return opened.actions.length;
}

/** The collaboration server loading the live document cold (then the page becomes editable). */
async function openCold(database: Database, actor: Actor, planId: string): Promise<number> {
  const opened = await openPlan(database, actor, planId);
  if (!opened) throw new Error("plan not visible");
  const parts = await withTenant(database, tenantOf(actor), (tx) => loadDocumentState(tx, opened.document));
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  const n = readActions(doc).length;
  doc.destroy();
  if (n !== ACTIONS) throw new Error(`expected ${ACTIONS} actions, read ${n}`);
  return n;
}

/** (b) ORGS organisations each with a plan that pulled every one of BARRIERS register rows, statuses spread. */
async function generateRollup(database: Database): Promise<{ regional: Actor; lead: Actor }> {
  const [collab] = await database.db.insert(collaboratives).values({ name: "Bench roll-up" }).returning({ id: collaboratives.id });
  const c = collab!.id;
  await withOwner(database, async (tx) => {
    await tx.execute(sql`
      with o as (
        insert into organisations (name, type)
        select 'Bench org ' || lpad(i::text, 3, '0'), (array['acute_trust','community_trust','mental_health_trust','icb','local_authority'])[1 + i % 5]
        from generate_series(1, ${ORGS}) i returning id)
      insert into collaborative_members (collaborative_id, org_id) select ${c}, id from o`);
    await tx.execute(sql`
      insert into register_rows (collaborative_id, row_key, position, characteristics, barrier, issue, identified_by, evidence, eds_outcomes, psed_aims, themes, lead_organisation, contact_role, status, updates)
      select ${c}, 'barrier-' || i, i, array['race'], 'Barrier ' || i, 'Issue at play ' || i, 'Engagement', '[]'::jsonb, array['EDS2:1.1'], array['advance'], array[]::text[], 'Bench ICB', 'Equality lead', 'blue', '[]'::jsonb
      from generate_series(1, ${BARRIERS}) i`);
    await tx.execute(sql`
      insert into plans (collaborative_id, org_id, kind, title, period_start, period_end)
      select ${c}, cm.org_id, 'equality_objectives', 'Equality objective plan', '2024-04-01', '2028-03-31'
      from collaborative_members cm where cm.collaborative_id = ${c}`);
    await tx.execute(sql`
      insert into plan_pulls (collaborative_id, org_id, plan_id, row_key, source_kind, source_id, status_label, status_colour, status_meaning, current_due)
      select p.collaborative_id, p.org_id, p.id, 'pulled-' || r.row_key, 'register', r.row_key,
             (array['Action ongoing','Complete','In progress','Not started'])[1 + s.k],
             (array['blue','green','amber','red'])[1 + s.k],
             (array['ongoing','complete','in_progress','not_started'])[1 + s.k],
             date '2025-06-30' + (s.k * 200)
      from plans p
      join register_rows r on r.collaborative_id = p.collaborative_id
      cross join lateral (select get_byte(decode(md5(p.id::text || r.row_key), 'hex'), 0) % 4 as k) s
      where p.collaborative_id = ${c}`);
  });
  const [first] = await database.db.select({ orgId: collaborativeMembers.orgId }).from(collaborativeMembers).where(sql`collaborative_id = ${c}`).limit(1);
  return { regional: await actorWith(database, first!.orgId, c, "regional_lead"), lead: await actorWith(database, first!.orgId, c, "equality_lead") };
}

const measure = (label: string, fn: () => Promise<unknown>) => measureRuns(label, fn, RUNS, 58);

const { database, dispose } = await open();
console.log(`Objective plans, ${database.kind}, RLS on (withTenant), ${RUNS} runs each after 3 warm-up runs`);
try {
  let t0 = performance.now();
  const { actor, planId } = await generatePlan(database);
  console.log(`(a) a plan of ${ACTIONS} actions (${ACTIONS - PENDING_UPDATES} in the snapshot, ${PENDING_UPDATES} pending updates), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await measure(`open a ${ACTIONS}-action plan page cold (openPlan: plan + actions)`, () => openPage(database, actor, planId));
  await measure(`open it live too (openPlan + document state + decode)`, () => openCold(database, actor, planId));
  const document = `plan:${planId}`;
  await measure("   of which loading the stored state (one statement)", () => withTenant(database, tenantOf(actor), (tx) => loadDocumentState(tx, document)));
  const parts = await withTenant(database, tenantOf(actor), (tx) => loadDocumentState(tx, document));
  console.log(`  (stored state: ${parts.length} parts, ${(parts.reduce((n, p) => n + p.byteLength, 0) / 1024).toFixed(0)} kB)`);
  await measure("   of which Y.applyUpdate of snapshot + updates", async () => {
    const doc = new Y.Doc();
    for (const part of parts) Y.applyUpdate(doc, part);
    doc.destroy();
  });
  const loaded = new Y.Doc();
  for (const part of parts) Y.applyUpdate(loaded, part);
  await measure("   of which readActions", async () => readActions(loaded));

  t0 = performance.now();
  const { regional, lead } = await generateRollup(database);
  await database.db.execute(sql`analyze`);
  console.log(`(b) a register of ${BARRIERS} barriers pulled by ${ORGS} organisations (${BARRIERS * ORGS} roll-up rows), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await measure("register roll-up, regional lead (per-organisation detail)", () => loadRegisterRollup(database, regional));
  await measure("register roll-up, equality lead (counts only)", () => loadRegisterRollup(database, lead));
} finally {
  await dispose();
}
