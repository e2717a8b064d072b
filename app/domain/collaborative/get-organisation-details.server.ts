import { and, asc, eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { collaborativeMembers, memberships, organisations, users, type OrganisationType } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";

export interface OrganisationDetails {
  orgId: string;
  name: string;
  type: OrganisationType;
  odsCode: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  /** When it left the active collaborative, or null while a current member. */
  leftOn: string | null;
}

const NOT_HERE = "That organisation is not a member of this collaborative";

/**
 * A member organisation's details (current or former member of the active collaborative), or 404:
 * row-level security shows no other collaborative's, and another collaborative's organisation is
 * not found here whoever asks.
 */
export async function getOrganisationDetails(tx: Tx, collaborativeId: string, orgId: string): Promise<OrganisationDetails> {
  if (!isUuid(orgId)) throw notFound(NOT_HERE);
  const [row] = await tx
    .select({
      orgId: organisations.id,
      name: organisations.name,
      type: organisations.type,
      odsCode: organisations.odsCode,
      contactEmail: organisations.contactEmail,
      contactPhone: organisations.contactPhone,
      address: organisations.address,
      leftOn: collaborativeMembers.leftOn,
    })
    .from(collaborativeMembers)
    .innerJoin(organisations, eq(organisations.id, collaborativeMembers.orgId))
    .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), eq(collaborativeMembers.orgId, orgId)));
  if (!row) throw notFound(NOT_HERE);
  return row;
}

/**
 * The same, for the details page, with the names of the organisation's equality leads: the page
 * tells someone who cannot change the details whom to ask.
 */
export function loadOrganisationDetails(database: Database, actor: Actor, orgId: string): Promise<OrganisationDetails & { equalityLeads: string[] }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const details = await getOrganisationDetails(tx, actor.active.collaborativeId, orgId);
    const leads = await tx
      .select({ name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "equality_lead")))
      .orderBy(asc(users.name));
    return { ...details, equalityLeads: leads.map((l) => l.name) };
  });
}
