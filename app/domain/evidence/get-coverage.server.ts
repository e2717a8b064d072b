import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { rowsOf } from "#db/client";
import { characteristics, collaborativeMembers, COVERAGE_ANY, frameworkOutcomes, frameworks, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { seesOrgCoverage } from "~/policies/evidence";

export interface CoverageColumn {
  id: string;
  name: string;
  kind: string;
}

export interface Coverage {
  framework: { code: string; name: string };
  /** Evidence items the active organisation can see at all, tagged or not (none: a new organisation). */
  items: number;
  columns: CoverageColumn[];
  /** Outcomes x characteristics over the evidence visible to the active organisation (own and shared). */
  outcomes: { id: string; code: string; title: string; counts: Record<string, number>; total: number }[];
  /** Organisations x characteristics across the collaborative (counts only), for collaborative-wide roles. */
  organisations: { id: string; name: string; counts: Record<string, number>; total: number; shared: number }[] | null;
}

/**
 * Where evidence is thin. Columns are the characteristics and groups that have no parent:
 * sub-groups count toward their parent (the derived arrays already include ancestors).
 */
export async function getCoverage(database: Database, actor: Actor, input: { framework: "EDS2" | "EDS2022" }): Promise<Coverage> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [framework] = await tx.select({ id: frameworks.id, code: frameworks.code, name: frameworks.name }).from(frameworks).where(eq(frameworks.code, input.framework)).orderBy(sql`${frameworks.version} desc`).limit(1);
    const columns = (await tx.select({ id: characteristics.id, name: characteristics.name, kind: characteristics.kind, parentId: characteristics.parentId }).from(characteristics).orderBy(asc(characteristics.position))).filter((c) => !c.parentId);
    const outcomes = await tx.select({ id: frameworkOutcomes.id, code: frameworkOutcomes.code, title: frameworkOutcomes.title }).from(frameworkOutcomes).where(eq(frameworkOutcomes.frameworkId, framework!.id)).orderBy(asc(frameworkOutcomes.position));
    const cells = await outcomeCells(tx, framework!.id);
    // The counter for any outcome and any characteristic counts each visible item once.
    const [visible] = rowsOf<{ n: number }>(
      await tx.execute(sql`select coalesce(sum(items), 0)::int as n from evidence_coverage where outcome_id = ${COVERAGE_ANY} and characteristic_id = ${COVERAGE_ANY}`),
    );
    return {
      framework: { code: framework!.code, name: framework!.name },
      items: visible?.n ?? 0,
      columns: columns.map(({ id, name, kind }) => ({ id, name, kind })),
      outcomes: outcomes.map((o) => ({ ...o, counts: cells.get(o.id)?.counts ?? {}, total: cells.get(o.id)?.total ?? 0 })),
      organisations: seesOrgCoverage(policyActor(actor)) ? await organisationCells(tx, actor.active.collaborativeId) : null,
    };
  });
}

/**
 * Under RLS: the counters of the items this organisation may read (its own, and everyone's
 * shared ones), kept by a trigger on evidence_items. (`scope`: the benchmark's RLS-off comparison.)
 */
export async function outcomeCells(tx: Tx, frameworkId: string, scope: SQL = sql`true`) {
  const rows = rowsOf<{ outcome_id: string; characteristic_id: string; n: number }>(
    await tx.execute(sql`
      select c.outcome_id, c.characteristic_id, sum(c.items)::int as n
      from evidence_coverage c
      where ${scope} and c.outcome_id in (select id from framework_outcomes where framework_id = ${frameworkId})
      group by c.outcome_id, c.characteristic_id
      having sum(c.items) > 0`),
  );
  const out = new Map<string, { counts: Record<string, number>; total: number }>();
  for (const r of rows) {
    const cell = out.get(r.outcome_id) ?? { counts: {}, total: 0 };
    if (r.characteristic_id === COVERAGE_ANY) cell.total = r.n;
    else cell.counts[r.characteristic_id] = r.n;
    out.set(r.outcome_id, cell);
  }
  return out;
}

/** Through the SECURITY DEFINER aggregates, which answer only collaborative-wide roles and only with counts. */
export async function organisationCells(tx: Tx, collaborativeId: string) {
  const orgs = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .innerJoin(collaborativeMembers, eq(collaborativeMembers.orgId, organisations.id))
    .where(sql`${collaborativeMembers.collaborativeId} = ${collaborativeId} and ${collaborativeMembers.leftOn} is null`)
    .orderBy(asc(organisations.name));
  const cells = rowsOf<{ org_id: string; characteristic_id: string; items: number }>(await tx.execute(sql`select org_id, characteristic_id, items from evidence_org_coverage()`));
  const totals = rowsOf<{ org_id: string; items: number; shared: number }>(await tx.execute(sql`select org_id, items, shared from evidence_org_totals()`));
  return orgs.map((o) => ({
    ...o,
    counts: Object.fromEntries(cells.filter((c) => c.org_id === o.id).map((c) => [c.characteristic_id, c.items])),
    total: totals.find((t) => t.org_id === o.id)?.items ?? 0,
    shared: totals.find((t) => t.org_id === o.id)?.shared ?? 0,
  }));
}
