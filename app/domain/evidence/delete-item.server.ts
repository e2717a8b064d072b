import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { rowsOf } from "#db/client";
import { evidenceItems } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, forbidden, hasSqlState, type DomainError } from "~/domain/errors";
import { canDeleteItem, type ItemOwnership } from "~/policies/evidence";
import { yearLabel } from "~/policies/grading";
import { linksInStoredDocuments } from "./document-links.server";
import { loadItem } from "./events.server";

/** Where an item is linked from: what its owner may read in full, and the rest as counts. */
export interface ItemUses {
  grades: { assessmentId: string; label: string }[];
  planActions: { planId: string; planTitle: string; action: string }[];
  registerRows: { position: number; barrier: string }[];
  /** Other organisations' grades, plan actions and responses to its recommendations (an item once shared may have been used). */
  elsewhere: { orgName: string; grades: number; planActions: number; responses: number }[];
}

export interface DeletePreview {
  id: string;
  title: string;
  shared: boolean;
  canDelete: boolean;
  /** What goes with the item. */
  contents: { findings: number; recommendations: number; files: number; tags: number };
  uses: ItemUses;
}

export const SHARED_MESSAGE = "Shared items cannot be deleted: other organisations may rely on them. Unshare it first.";
export const IN_USE_MESSAGE = "This item is linked from grades, plans or the register, so it cannot be deleted. Remove those links first.";

/** An item's uses, in the caller's transaction (the owner's writers see every use; others see none). */
async function loadUses(tx: Tx, actor: Actor, itemId: string): Promise<ItemUses> {
  const ids = `{${itemId}}`;
  const link = JSON.stringify([{ evidenceId: itemId }]);
  const grades = rowsOf<{ assessment_id: string; framework: string; year_start: number; outcome: string; service: string | null }>(
    await tx.execute(sql`
      select a.id as assessment_id, f.code as framework, a.year_start, o.code as outcome, s.name as service
      from assessment_grades g
      join assessments a on a.id = g.assessment_id
      join frameworks f on f.id = a.framework_id
      join framework_outcomes o on o.id = g.outcome_id
      left join assessment_services s on s.id = g.service_id
      where g.evidence_ids @> ${ids}::uuid[] and g.org_id = ${actor.active.orgId}
      order by a.year_start desc, f.code, o.position, s.name nulls first`),
  );
  const actions = rowsOf<{ row_key: string; plan_id: string; plan_title: string; action: string; barrier: string }>(
    await tx.execute(sql`
      select a.row_key, p.id as plan_id, p.title as plan_title, a.action, a.barrier
      from plan_actions a join plans p on p.id = a.plan_id
      where a.org_id = ${actor.active.orgId}
        and (a.evidence @> ${link}::jsonb or (a.source ->> 'kind' = 'evidence' and a.source ->> 'id' = ${itemId}))
      order by p.title, a.position`),
  );
  const rows = rowsOf<{ row_key: string; position: number; barrier: string }>(
    await tx.execute(sql`select r.row_key, r.position, r.barrier from register_rows r where r.evidence @> ${link}::jsonb order by r.position`),
  );
  const counted = rowsOf<{ kind: string; org_id: string | null; org_name: string | null; uses: number }>(
    await tx.execute(sql`
      select u.kind, u.org_id, o.name as org_name, u.uses
      from evidence_item_uses(${itemId}::uuid) u left join organisations o on o.id = u.org_id
      where u.org_id is distinct from ${actor.active.orgId}::uuid and u.kind <> 'register_row'`),
  );
  const stored = await linksInStoredDocuments(tx, itemId);
  const elsewhere = new Map<string, ItemUses["elsewhere"][number]>();
  for (const c of counted) {
    const name = c.org_name ?? "Another organisation";
    const entry = elsewhere.get(name) ?? { orgName: name, grades: 0, planActions: 0, responses: 0 };
    if (c.kind === "grade") entry.grades += Number(c.uses);
    else if (c.kind === "response") entry.responses += Number(c.uses);
    else entry.planActions += Number(c.uses);
    elsewhere.set(name, entry);
  }
  return {
    grades: grades.map((g) => ({
      assessmentId: g.assessment_id,
      label: `${g.framework === "EDS2" ? "EDS2" : "EDS 2022"} ${yearLabel(Number(g.year_start))}, outcome ${g.outcome}${g.service ? ` (${g.service})` : ""}`,
    })),
    // The SQL copy, and what the documents as stored link to that it may not show yet.
    planActions: [
      ...actions.map((a) => ({ planId: a.plan_id, planTitle: a.plan_title, action: a.action || a.barrier || "An action without text yet" })),
      ...stored.planActions.filter((s) => !actions.some((a) => a.row_key === s.key)).map(({ key: _key, ...a }) => a),
    ],
    registerRows: [
      ...rows.map((r) => ({ position: Number(r.position), barrier: r.barrier })),
      ...stored.registerRows.filter((s) => !rows.some((r) => r.row_key === s.key)).map(({ key: _key, ...r }) => r),
    ].sort((a, b) => a.position - b.position),
    elsewhere: [...elsewhere.values()].sort((a, b) => a.orgName.localeCompare(b.orgName)),
  };
}

const inUse = (uses: ItemUses) => uses.grades.length + uses.planActions.length + uses.registerRows.length + uses.elsewhere.length > 0;

/** What deleting the item would remove, and whether anything links to it. */
export async function previewDeleteItem(database: Database, actor: Actor, input: { itemId: string }): Promise<DeletePreview> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    const refused = refusal(actor, item);
    if (refused?.status === 403) throw refused;
    const [contents] = rowsOf<{ findings: number; recommendations: number; files: number; tags: number }>(
      await tx.execute(sql`
        select (select count(*)::int from evidence_findings where item_id = ${item.id}) as findings,
               (select count(*)::int from evidence_recommendations where item_id = ${item.id}) as recommendations,
               (select count(*)::int from evidence_attachments where item_id = ${item.id}) as files,
               (select count(*)::int from evidence_tags where item_id = ${item.id}) as tags`),
    );
    const uses = await loadUses(tx, actor, item.id);
    return { id: item.id, title: item.title, shared: Boolean(item.sharedAt), canDelete: !refused && !inUse(uses), contents: contents!, uses };
  });
}

/**
 * Deletes a private item with its findings, recommendations, files, tags and history (the
 * database cascades). Refused for a shared item (others may rely on it: unshare it first) and for
 * an item something links to, in SQL or in a document as stored (see `linksInStoredDocuments`);
 * the database refuses both as well (migrations 0023 and 0024), reading the SQL copy only.
 */
export async function deleteItem(database: Database, actor: Actor, input: { itemId: string }): Promise<{ title: string }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    const refused = refusal(actor, item);
    if (refused) throw refused;
    // Lock the row so a concurrent share waits for this (or this finds it shared).
    const [held] = await tx.select({ sharedAt: evidenceItems.sharedAt }).from(evidenceItems).where(eq(evidenceItems.id, item.id)).for("update");
    if (!held || held.sharedAt) throw conflict("This item has just been shared, so it cannot be deleted. Unshare it first.");
    if (inUse(await loadUses(tx, actor, item.id))) throw conflict(IN_USE_MESSAGE);
    try {
      await tx.delete(evidenceItems).where(eq(evidenceItems.id, item.id));
    } catch (error) {
      // The trigger's refusal: a link committed between the check above and the delete.
      if (hasSqlState(error, "23503")) throw conflict(IN_USE_MESSAGE);
      throw error;
    }
    return { title: item.title };
  });
}

/** Why this actor may not delete this item, if they may not: not theirs to delete (403), or shared (409). */
function refusal(actor: Actor, item: ItemOwnership): DomainError | null {
  if (canDeleteItem(policyActor(actor), item)) return null;
  if (canDeleteItem(policyActor(actor), { ...item, sharedAt: null })) return conflict(SHARED_MESSAGE);
  return forbidden("Only your organisation's equality leads and contributors can delete its private evidence");
}
