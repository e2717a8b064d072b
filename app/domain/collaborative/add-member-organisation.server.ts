import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "#db/client";
import { collaborativeMembers, organisations, type OrganisationType } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden, invalid, isPermissionDenied, isUniqueViolation } from "~/domain/errors";
import { holdMembers } from "~/domain/members/hold-membership.server";
import { ADD_ORGANISATION_REFUSED, canAddOrganisation, sameOrganisationName } from "~/policies/organisations";

export interface NewOrganisation {
  name: string;
  type: OrganisationType;
  odsCode: string | null;
}

/**
 * Adds a new organisation to the actor's active collaborative, as a current member from today.
 * Under the collaborative's members lock, with the actor's role read again there (as role changes
 * and leaving are judged), so a demoted admin adds nothing and two admins adding the same name at
 * once get one organisation and one refusal. A name already used by a member organisation, former
 * ones included (they are still listed), is refused; so is an ODS code any organisation has.
 */
export async function addMemberOrganisation(database: Database, actor: Actor, input: NewOrganisation): Promise<{ id: string; name: string }> {
  if (!canAddOrganisation(policyActor(actor))) throw forbidden(ADD_ORGANISATION_REFUSED);
  return withTenant(database, tenantOf(actor), async (tx) => {
    if (!canAddOrganisation(await holdMembers(tx, actor))) throw forbidden(ADD_ORGANISATION_REFUSED);
    const members = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .innerJoin(collaborativeMembers, eq(collaborativeMembers.orgId, organisations.id))
      .where(eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId));
    const clash = members.find((m) => sameOrganisationName(m.name, input.name));
    if (clash) throw invalid({ name: `${clash.name} is already in this collaborative. Give the new organisation a different name` });
    // A code one of this collaborative's organisations has (RLS shows only those) is named; any
    // other is refused below by the unique index, without naming an organisation this admin cannot see.
    const [holder] = input.odsCode ? await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.odsCode, input.odsCode)) : [];
    if (holder) throw invalid({ odsCode: `${holder.name} already has the ODS code ${input.odsCode}, and is in this collaborative. Check the code` });
    try {
      const result = await tx.execute(sql`select peff_add_member_organisation(${input.name}, ${input.type}, ${input.odsCode}) as id`);
      return { id: rowsOf<{ id: string }>(result)[0]!.id, name: input.name };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw invalid({
          odsCode: `An organisation with the ODS code ${input.odsCode} is already registered, outside this collaborative. If it should join this one too, the service's operator can add it (give them its ODS code); otherwise check the code`,
        });
      }
      if (isPermissionDenied(error)) throw forbidden(ADD_ORGANISATION_REFUSED);
      throw error;
    }
  });
}
