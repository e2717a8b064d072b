import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { rowsOf, type Database, type Tx } from "#db/client";
import {
  collaborativeMembers,
  organisations,
  planPulls,
  plans,
  registerRows,
  type StatusMeaning,
} from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { progressDay, todayIso } from "~/lib/plan/dates";
import { canSeeUptakeDetail } from "~/policies/plans";
import {
  countMeanings,
  currentMeaning,
  rollupSummary,
  type RollupCounts,
} from "~/policies/rollup";

export interface OrganisationProgress {
  orgId: string;
  orgName: string;
  /** As each action's plan names it; one entry per pulled action. */
  statuses: {
    label: string | null;
    colour: string | null;
    meaning: StatusMeaning | null;
    currentDue: string | null;
    /** Judged on the day its plan was archived, for an archived plan (kept as it stood then). */
    overdue: boolean;
    /** When its plan was archived: the organisation no longer works on it. */
    planArchivedAt: string | null;
  }[];
  meaning: StatusMeaning | null;
}

export interface BarrierRollup {
  rowKey: string;
  barrier: string;
  counts: RollupCounts;
  /** "5 organisations: 2 complete, 2 in progress, 1 not started". */
  summary: string;
  /** Per organisation: for regional leads and admins (everyone sees the counts). */
  organisations: OrganisationProgress[] | null;
  /**
   * The active organisation's own pulled actions (to link to each one in its plan). Named by their
   * plan: after "Start the next plan" a barrier is in the archived plan and in its successor, and
   * two links both saying "In our plan" could not be told apart.
   */
  ours: { planId: string; rowKey: string; planTitle: string; planArchived: boolean }[];
  /** Current member organisations that have not pulled it: regional leads and admins only. */
  notPickedUp: { orgId: string; orgName: string }[] | null;
}

/** A row of `register_pull_progress()` (migration 0030), with the organisation's name. */
interface PulledAction {
  orgId: string;
  orgName: string;
  sourceId: string;
  label: string | null;
  colour: string | null;
  meaning: StatusMeaning | null;
  currentDue: string | null;
  planArchivedAt: string | null;
}

/**
 * The shared register's roll-up: for each barrier, which organisations pulled it into a plan and
 * how far along each is. Other organisations' `plan_pulls` rows are not readable (a pull may name
 * a private evidence item): the counts come from `register_pull_counts()` and, for regional leads
 * and admins, each organisation's statuses from `register_pull_progress()`, SECURITY DEFINER
 * functions that answer only about the shared register of the active collaborative. Our own pulls
 * are read directly.
 */
export async function loadRegisterRollup(
  database: Database,
  actor: Actor,
  now = new Date()
): Promise<BarrierRollup[]> {
  const detail = canSeeUptakeDetail(actor.active.role);
  const today = todayIso(now);
  return withTenant(database, tenantOf(actor), async (tx) => {
    const collaborativeId = actor.active.collaborativeId;
    const rows = await tx
      .select({ rowKey: registerRows.rowKey, barrier: registerRows.barrier })
      .from(registerRows)
      .where(eq(registerRows.collaborativeId, collaborativeId))
      .orderBy(asc(registerRows.position));
    const counted = rowsOf<{
      source_id: string;
      status_meaning: StatusMeaning | null;
      organisations: number;
    }>(
      await tx.execute(
        sql`select source_id, status_meaning, organisations from register_pull_counts()`
      )
    );
    const ours = await tx
      .select({
        planId: planPulls.planId,
        rowKey: planPulls.rowKey,
        sourceId: planPulls.sourceId,
        planTitle: plans.title,
        planArchivedAt: plans.archivedAt,
      })
      .from(planPulls)
      .innerJoin(plans, eq(plans.id, planPulls.planId))
      .where(
        and(
          eq(planPulls.orgId, actor.active.orgId),
          eq(planPulls.collaborativeId, collaborativeId),
          eq(planPulls.sourceKind, "register")
        )
      );
    const progress = detail ? await loadProgress(tx) : [];
    const members = detail
      ? await tx
          .select({ orgId: organisations.id, orgName: organisations.name })
          .from(collaborativeMembers)
          .innerJoin(
            organisations,
            eq(organisations.id, collaborativeMembers.orgId)
          )
          .where(
            and(
              eq(collaborativeMembers.collaborativeId, collaborativeId),
              isNull(collaborativeMembers.leftOn)
            )
          )
          .orderBy(asc(organisations.name))
      : [];
    const countsBySource = new Map<string, RollupCounts>();
    for (const c of counted) {
      const counts = countsBySource.get(c.source_id) ?? countMeanings([]);
      counts[c.status_meaning ?? "no_status"] += Number(c.organisations);
      countsBySource.set(c.source_id, counts);
    }
    const bySource = new Map<string, PulledAction[]>();
    for (const p of progress)
      bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p]);

    return rows.map((row) => {
      const byOrg = new Map<string, OrganisationProgress>();
      for (const p of bySource.get(row.rowKey) ?? []) {
        const org = byOrg.get(p.orgId) ?? {
          orgId: p.orgId,
          orgName: p.orgName,
          statuses: [],
          meaning: null,
        };
        org.statuses.push({
          label: p.label,
          colour: p.colour,
          meaning: p.meaning,
          currentDue: p.currentDue,
          overdue:
            p.currentDue !== null &&
            p.currentDue < (p.planArchivedAt ? progressDay(p.planArchivedAt) : today) &&
            p.meaning !== "complete",
          planArchivedAt: p.planArchivedAt,
        });
        byOrg.set(p.orgId, org);
      }
      const orgs = [...byOrg.values()].map((o) => ({
        ...o,
        meaning: currentMeaning(o.statuses),
      }));
      const counts = countsBySource.get(row.rowKey) ?? countMeanings([]);
      return {
        rowKey: row.rowKey,
        barrier: row.barrier,
        counts,
        summary: rollupSummary(counts),
        organisations: detail ? orgs : null,
        ours: ours
          .filter((p) => p.sourceId === row.rowKey)
          .sort((a, b) => Number(Boolean(a.planArchivedAt)) - Number(Boolean(b.planArchivedAt)) || a.planTitle.localeCompare(b.planTitle))
          .map((p) => ({ planId: p.planId, rowKey: p.rowKey, planTitle: p.planTitle, planArchived: Boolean(p.planArchivedAt) })),
        notPickedUp: detail ? members.filter((m) => !byOrg.has(m.orgId)) : null,
      };
    });
  });
}

/** Each organisation's pulled actions, by organisation name (empty unless a collaborative-wide role). */
async function loadProgress(tx: Tx): Promise<PulledAction[]> {
  const result = await tx.execute(sql`
    select p.org_id, o.name as org_name, p.source_id, p.status_label, p.status_colour, p.status_meaning,
           p.current_due::text as current_due, p.plan_archived_at
    from register_pull_progress() p
    join organisations o on o.id = p.org_id
    order by o.name, p.org_id`);
  return rowsOf<{
    org_id: string;
    org_name: string;
    source_id: string;
    status_label: string | null;
    status_colour: string | null;
    status_meaning: StatusMeaning | null;
    current_due: string | null;
    plan_archived_at: string | Date | null;
  }>(result).map((r) => ({
    orgId: r.org_id,
    orgName: r.org_name,
    sourceId: r.source_id,
    label: r.status_label,
    colour: r.status_colour,
    meaning: r.status_meaning,
    currentDue: r.current_due,
    // postgres.js answers a Date, PGlite a Date too; either way an ISO string here.
    planArchivedAt: r.plan_archived_at === null ? null : new Date(r.plan_archived_at).toISOString(),
  }));
}
