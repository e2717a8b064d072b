import { asc, count, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, collaboratives, memberships, organisations, type OrganisationType } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";

export interface MemberOrganisation {
  id: string;
  name: string;
  type: OrganisationType;
  odsCode: string | null;
  joinedOn: string;
  /** Set when the organisation has left (a CCG replaced by the ICB, say); its history stays. */
  leftOn: string | null;
  validTo: string | null;
  successorName: string | null;
  people: number;
}

export interface CollaborativeOverview {
  id: string;
  name: string;
  region: string | null;
  description: string | null;
  isDemo: boolean;
  organisations: MemberOrganisation[];
}

/** The active collaborative and its member organisations, current and former, for the home page. */
export async function getCollaborativeOverview(database: Database, actor: Actor): Promise<CollaborativeOverview> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [collab] = await tx.select().from(collaboratives).where(eq(collaboratives.id, actor.active.collaborativeId));
    if (!collab) throw notFound("Collaborative not found");
    const people = tx
      .select({ orgId: memberships.orgId, people: count().as("people") })
      .from(memberships)
      .groupBy(memberships.orgId)
      .as("people");
    const rows = await tx
      .select({
        id: organisations.id,
        name: organisations.name,
        type: organisations.type,
        odsCode: organisations.odsCode,
        joinedOn: collaborativeMembers.joinedOn,
        leftOn: collaborativeMembers.leftOn,
        validTo: organisations.validTo,
        successorId: organisations.successorId,
        people: people.people,
      })
      .from(collaborativeMembers)
      .innerJoin(organisations, eq(organisations.id, collaborativeMembers.orgId))
      .leftJoin(people, eq(people.orgId, organisations.id))
      .where(eq(collaborativeMembers.collaborativeId, collab.id))
      .orderBy(asc(organisations.name));
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return {
      id: collab.id,
      name: collab.name,
      region: collab.region,
      description: collab.description,
      isDemo: collab.isDemo,
      organisations: rows.map(({ successorId, ...r }) => ({
        ...r,
        people: Number(r.people ?? 0),
        successorName: successorId ? (names.get(successorId) ?? null) : null,
      })),
    };
  });
}
