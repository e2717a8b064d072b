import { and, eq, ne } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { forbidden, invalid, isPermissionDenied, isUniqueViolation } from "~/domain/errors";
import { holdMembers } from "~/domain/members/hold-membership.server";
import { canEditOrganisation, sameOrganisationName, whoEditsOrganisation } from "~/policies/organisations";
import { getOrganisationDetails } from "./get-organisation-details.server";
import type { OrganisationDetailsInput } from "./organisation-input";

/**
 * Changes a member organisation's name, type, ODS code and contact details. They are the
 * organisation's own, so every collaborative it belongs to sees the change.
 *
 * Judged under the active collaborative's members lock, with the actor's role read again there
 * (`holdMembers`), as adding an organisation is: a demoted admin changes nothing, and two renames
 * to one name (or a rename and an organisation added with that name) cannot both pass the check
 * that names in a collaborative differ. Another collaborative's organisation is not found (404).
 * An ODS code any other organisation has is refused by the database's unique index; the message
 * does not say which organisation has it, as it may be one this person cannot see.
 */
export async function updateOrganisationDetails(database: Database, actor: Actor, orgId: string, input: OrganisationDetailsInput): Promise<{ name: string }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const who = await holdMembers(tx, actor);
    const current = await getOrganisationDetails(tx, actor.active.collaborativeId, orgId);
    if (!canEditOrganisation(who, current)) throw forbidden(whoEditsOrganisation(current.name, current));

    const others = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .innerJoin(collaborativeMembers, eq(collaborativeMembers.orgId, organisations.id))
      .where(and(eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId), ne(organisations.id, orgId)));
    const clash = others.find((o) => sameOrganisationName(o.name, input.name));
    if (clash) throw invalid({ name: `${clash.name} is already in this collaborative. Give ${current.name} a different name` });

    try {
      const updated = await tx
        .update(organisations)
        .set({
          name: input.name,
          type: input.type,
          odsCode: input.odsCode,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone,
          address: input.address,
        })
        .where(eq(organisations.id, orgId))
        .returning({ id: organisations.id });
      // The database's policy (organisations_update) refused it: the rules above, judged again.
      if (updated.length === 0) throw forbidden(whoEditsOrganisation(current.name, current));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw invalid({ odsCode: `Another organisation already has the ODS code ${input.odsCode}. Check the code: each organisation has its own` });
      }
      if (isPermissionDenied(error)) throw forbidden(whoEditsOrganisation(current.name, current));
      throw error;
    }
    return { name: input.name };
  });
}
