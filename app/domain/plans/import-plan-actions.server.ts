import type { Database, Tx } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, invalid, notFound } from "~/domain/errors";
import { linkableEvidenceIn } from "~/domain/evidence/linkable-evidence.server";
import { loadRowOptions } from "~/domain/register/row-options.server";
import type { ColumnMapping } from "~/lib/import/map-rows";
import { parsePlanImport, PLAN_IMPORT_COLUMNS, type PlanImportError, type PlanImportResult } from "~/lib/plan/import";
import { appendActions } from "~/lib/plan/model";
import { readTable, TableFormatError, type Table } from "~/lib/tabular/read-table.server";
import { canEditPlans } from "~/policies/plans";
import { changePlanDocument } from "./change-plan-document.server";
import { loadWritablePlan } from "./writable-plan.server";
import { isUuid } from "~/lib/ids";

export { PLAN_IMPORT_COLUMNS };

/** More rows than this is not a plan: refuse rather than build a huge update. */
export const MAX_IMPORT_ACTIONS = 2000;

/** Reads an uploaded CSV/XLSX; an unreadable file is a form error (422), not a crash. */
export async function readPlanImportFile(filename: string, bytes: Uint8Array): Promise<Table> {
  try {
    const table = await readTable(filename, bytes);
    if (table.rows.length > MAX_IMPORT_ACTIONS) throw invalid({ file: `The file has ${table.rows.length} rows: import at most ${MAX_IMPORT_ACTIONS} at a time` }, `The file has more than ${MAX_IMPORT_ACTIONS} rows`);
    return table;
  } catch (error) {
    if (error instanceof TableFormatError) throw invalid({ file: error.message }, error.message);
    throw error;
  }
}

const authorOf = (actor: Actor) => ({ id: actor.userId, name: `${actor.name} (${actor.active.orgName})` });


async function checkIn(tx: Tx, actor: Actor, planId: string, table: Table, mapping: ColumnMapping, now: Date) {
  if (!isUuid(planId)) throw notFound("No such plan in your organisation");
  const plan = await loadWritablePlan(tx, planId, "share");
  const options = await loadRowOptions(tx);
  // A plan is its organisation's own: its private items may be linked, as the plan's picker offers.
  const linkableEvidence = await linkableEvidenceIn(tx, table, { sharedOnly: false });
  const result = parsePlanImport(table, mapping, { options, legend: plan.legend, objectives: plan.objectives, author: authorOf(actor), today: now, linkableEvidence });
  return { plan, result };
}

/** The plan an import page is for: its title, objectives and legend (the page lists them as hints). */
export async function loadImportTarget(database: Database, actor: Actor, planId: string) {
  if (!canEditPlans(actor.active.role)) throw forbidden("Only equality leads and contributors can import into plans");
  if (!isUuid(planId)) throw notFound("No such plan in your organisation");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const { id, title, legend, objectives } = await loadWritablePlan(tx, planId, "share");
    return { id, title, legend, objectives };
  });
}

export interface PlanImportCheck {
  planTitle: string;
  result: PlanImportResult;
}

/** Checks every row against the plan's legend, objectives and the reference data; changes nothing. */
export async function checkPlanImport(database: Database, actor: Actor, planId: string, table: Table, mapping: ColumnMapping, now = new Date()): Promise<PlanImportCheck> {
  if (!canEditPlans(actor.active.role)) throw forbidden("Only equality leads and contributors can import into plans");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const { plan, result } = await checkIn(tx, actor, planId, table, mapping, now);
    return { planTitle: plan.title, result };
  });
}

export type PlanImportOutcome = { ok: true; imported: number; rowKeys: string[] } | { ok: false; errors: PlanImportError[] };

/**
 * Imports the file's actions into the plan, all or nothing: the rows are checked again, and only
 * when every one is valid are they added to the plan's Yjs document as ONE update attributed to
 * the person (open pages receive it live, as with a pulled action), and the plan is projected,
 * all in one transaction. A file with any bad row adds nothing and says which lines are wrong.
 */
export async function importPlanActions(database: Database, actor: Actor, planId: string, table: Table, mapping: ColumnMapping, now = new Date()): Promise<PlanImportOutcome> {
  if (!canEditPlans(actor.active.role)) throw forbidden("Only equality leads and contributors can import into plans");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const { plan, result } = await checkIn(tx, actor, planId, table, mapping, now);
    if (!result.ok) return { ok: false, errors: result.errors };
    const owner = { planId, collaborativeId: plan.collaborativeId, orgId: plan.orgId };
    const rowKeys = await changePlanDocument(tx, owner, actor.userId, (doc) => appendActions(doc, result.actions));
    return { ok: true, imported: rowKeys.length, rowKeys };
  });
}
