import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import {
  collaborativeMembers,
  organisations,
  planPulls,
  registerRows,
  type StatusMeaning,
} from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { todayIso } from "~/lib/plan/dates";
import { canSeeUptakeDetail } from "~/policies/plans";
import {
  countMeanings,
  organisationMeaning,
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
    overdue: boolean;
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
  /** The active organisation's own pulled actions (to link to its plan). */
  ours: { planId: string; rowKey: string }[];
  /** Current member organisations that have not pulled it: regional leads and admins only. */
  notPickedUp: { orgId: string; orgName: string }[] | null;
}

/**
 * The shared register's roll-up: for each barrier, which organisations pulled it into a plan and
 * how far along each is. It reads `plan_pulls` (source and status only), never a plan itself.
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
    const pulls = await tx
      .select({
        orgId: planPulls.orgId,
        orgName: organisations.name,
        planId: planPulls.planId,
        rowKey: planPulls.rowKey,
        sourceId: planPulls.sourceId,
        label: planPulls.statusLabel,
        colour: planPulls.statusColour,
        meaning: planPulls.statusMeaning,
        currentDue: planPulls.currentDue,
      })
      .from(planPulls)
      .innerJoin(organisations, eq(organisations.id, planPulls.orgId))
      .where(
        and(
          eq(planPulls.collaborativeId, collaborativeId),
          eq(planPulls.sourceKind, "register")
        )
      )
      .orderBy(asc(organisations.name));
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
    const bySource = new Map<string, typeof pulls>();
    for (const p of pulls)
      bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p]);

    return rows.map((row) => {
      const mine = bySource.get(row.rowKey) ?? [];
      const byOrg = new Map<string, OrganisationProgress>();
      for (const p of mine) {
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
            p.currentDue < today &&
            p.meaning !== "complete",
        });
        byOrg.set(p.orgId, org);
      }
      const orgs = [...byOrg.values()].map((o) => ({
        ...o,
        meaning: organisationMeaning(o.statuses.map((s) => s.meaning)),
      }));
      const counts = countMeanings(orgs.map((o) => o.meaning));
      return {
        rowKey: row.rowKey,
        barrier: row.barrier,
        counts,
        summary: rollupSummary(counts),
        organisations: detail ? orgs : null,
        ours: mine
          .filter((p) => p.orgId === actor.active.orgId)
          .map((p) => ({ planId: p.planId, rowKey: p.rowKey })),
        notPickedUp: detail ? members.filter((m) => !byOrg.has(m.orgId)) : null,
      };
    });
  });
}
