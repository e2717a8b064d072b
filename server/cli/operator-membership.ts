import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { collaborativeMembers, collaboratives, memberships, organisations, users, type Role } from "../../db/schema";
import { withOwner } from "../../db/tenant";
import { normaliseOdsCode, ODS_CODE_PATTERN } from "../../app/domain/collaborative/organisation-input";
import { lockMembersOf } from "../../app/domain/members/hold-membership.server";
import { isUuid } from "../../app/lib/ids";
import { todayIso } from "../../app/lib/plan/dates";
import { sameOrganisationName } from "../../app/policies/organisations";
import { COLLABORATIVE_ROLES, ROLE_LABELS } from "../../app/policies/roles";
import { SetupRefused } from "./operator-link";
import { readOptions } from "./options";

/**
 * `npm run peff:membership`: an existing organisation joins a collaborative, or one that left
 * comes back. Neither is possible in the app: an admin adds only brand-new organisations (one
 * that exists may belong to another collaborative, whose admin it is not theirs to pull in), and a
 * leaving date is final for the app role (a trigger, migration 0019). The operator runs it on the
 * owner connection.
 */
export interface MembershipInput {
  /** The collaborative's name (ignoring case and surrounding spaces) or its id. */
  collaborative: string;
  organisation: { odsCode: string } | { id: string };
}

export const MEMBERSHIP_USAGE = `Usage: npm run peff:membership -- --collaborative "<name or id>" --ods <ODS code>
   or: npm run peff:membership -- --collaborative "<name or id>" --organisation-id <id>`;

/** Reads the command line; every problem at once, as peff:setup does. */
export function parseMembershipArgs(argv: string[]): { ok: true; input: MembershipInput } | { ok: false; problems: string[] } {
  const read = readOptions(argv, ["collaborative", "ods", "organisation-id"]);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const { values } = read;
  const problems: string[] = [];
  const collaborative = String(values.collaborative ?? "").trim();
  if (!collaborative) problems.push("Give the collaborative's name or id (--collaborative)");
  const ods = values.ods === undefined ? undefined : normaliseOdsCode(String(values.ods));
  const id = values["organisation-id"] === undefined ? undefined : String(values["organisation-id"]).trim();
  if (ods === undefined && id === undefined) problems.push("Give the organisation's ODS code (--ods) or its id (--organisation-id)");
  if (ods !== undefined && id !== undefined) problems.push("Give the organisation's ODS code (--ods) or its id (--organisation-id), not both");
  if (ods !== undefined && !ODS_CODE_PATTERN.test(ods)) problems.push("--ods: an ODS code is 2 to 12 letters and numbers, like RBS");
  if (id !== undefined && !isUuid(id)) problems.push("--organisation-id: give the organisation's id, like 0b9a7c1e-3f7d-4c55-9a43-2d1f6a8e4b10");
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, input: { collaborative, organisation: ods !== undefined ? { odsCode: ods } : { id: id! } } };
}

export interface MembershipResult {
  outcome: "added" | "restored";
  collaborative: { id: string; name: string };
  organisation: { id: string; name: string; odsCode: string | null };
  /** Today: the date it joins, or joins again. */
  joinedOn: string;
  /** The membership that had ended, for a restored one. */
  previous: { joinedOn: string; leftOn: string } | null;
  /** How many people have a membership of the organisation: they work in the collaborative from their next page. */
  people: number;
  /** People whose collaborative-wide role (admin, regional lead) now reaches this collaborative too. */
  collaborativeRoles: { name: string; email: string; role: Role }[];
}

const NOTHING = "Nothing was changed.";

/**
 * Makes the organisation a current member of the collaborative from today: a new membership, or
 * the one it left made current again (its leaving date cleared, its joining date today: the home
 * page's "member since" then tells the membership as it now is; the earlier dates are printed for
 * the operator's records). Its people can work in the collaborative again, and its history there
 * (evidence, grades, plans) is theirs again. Refused, changing nothing: an unknown collaborative or
 * organisation, one already a current member, or a name another member of the collaborative has
 * (as the app refuses it). Takes the collaborative's members lock, as the app's changes to its
 * members do, so it never crosses an admin adding an organisation or recording one as left.
 */
export async function addOrRestoreMembership(database: Database, input: MembershipInput, today = todayIso()): Promise<MembershipResult> {
  return withOwner(database, async (tx) => {
    const wanted = input.collaborative.trim();
    const found = await tx
      .select({ id: collaboratives.id, name: collaboratives.name })
      .from(collaboratives)
      .where(isUuid(wanted) ? eq(collaboratives.id, wanted) : sql`lower(btrim(${collaboratives.name})) = lower(${wanted})`)
      .orderBy(asc(collaboratives.createdAt));
    if (found.length === 0) {
      throw new SetupRefused(`There is no collaborative ${isUuid(wanted) ? `with the id ${wanted}` : `called "${wanted}"`}. ${NOTHING}`);
    }
    if (found.length > 1) {
      throw new SetupRefused(`Several collaboratives are called "${wanted}": give the one you mean by its id (--collaborative <id>): ${found.map((c) => c.id).join(", ")}. ${NOTHING}`);
    }
    const collaborative = found[0]!;
    await lockMembersOf(tx, collaborative.id);

    const [organisation] = await tx
      .select({ id: organisations.id, name: organisations.name, odsCode: organisations.odsCode })
      .from(organisations)
      .where("odsCode" in input.organisation ? eq(organisations.odsCode, input.organisation.odsCode) : eq(organisations.id, input.organisation.id));
    if (!organisation) {
      const which = "odsCode" in input.organisation ? `the ODS code ${input.organisation.odsCode}` : `the id ${input.organisation.id}`;
      throw new SetupRefused(`There is no organisation with ${which}. A new organisation is added in the app by a collaborative admin (Members, Add an organisation). ${NOTHING}`);
    }

    const [membership] = await tx
      .select({ id: collaborativeMembers.id, joinedOn: collaborativeMembers.joinedOn, leftOn: collaborativeMembers.leftOn })
      .from(collaborativeMembers)
      .where(and(eq(collaborativeMembers.collaborativeId, collaborative.id), eq(collaborativeMembers.orgId, organisation.id)));
    if (membership && membership.leftOn === null) {
      throw new SetupRefused(`${organisation.name} is already a member of "${collaborative.name}" (since ${membership.joinedOn}). ${NOTHING}`);
    }

    const others = await tx
      .select({ name: organisations.name })
      .from(collaborativeMembers)
      .innerJoin(organisations, eq(organisations.id, collaborativeMembers.orgId))
      .where(and(eq(collaborativeMembers.collaborativeId, collaborative.id), ne(organisations.id, organisation.id)));
    const clash = others.find((o) => sameOrganisationName(o.name, organisation.name));
    if (clash) {
      throw new SetupRefused(
        `"${collaborative.name}" already has a member organisation called "${clash.name}". Rename one of them first (its equality lead or a collaborative admin can, on its details page). ${NOTHING}`,
      );
    }

    if (membership) {
      // As the owner: the trigger of migration 0019 keeps only the app role from clearing a leaving date.
      await tx.update(collaborativeMembers).set({ leftOn: null, joinedOn: today }).where(eq(collaborativeMembers.id, membership.id));
    } else {
      await tx.insert(collaborativeMembers).values({ collaborativeId: collaborative.id, orgId: organisation.id, joinedOn: today });
    }

    const [people] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.orgId, organisation.id));
    const wide = await tx
      .select({ name: users.name, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, organisation.id), inArray(memberships.role, [...COLLABORATIVE_ROLES])))
      .orderBy(asc(users.name));
    return {
      outcome: membership ? "restored" : "added",
      collaborative,
      organisation,
      joinedOn: today,
      previous: membership ? { joinedOn: membership.joinedOn, leftOn: membership.leftOn! } : null,
      people: Number(people?.n ?? 0),
      collaborativeRoles: wide,
    };
  });
}

/** What the terminal says after it. */
export function describeMembership(result: MembershipResult): string {
  const { organisation: org, collaborative } = result;
  const who = `${org.name}${org.odsCode ? ` (${org.odsCode})` : ""}`;
  const lines =
    result.outcome === "restored"
      ? [
          `${who} is a member of "${collaborative.name}" again, from ${result.joinedOn}.`,
          `It had been a member from ${result.previous!.joinedOn} until it left on ${result.previous!.leftOn}; its history there is its own again.`,
        ]
      : [`${who} is now a member of "${collaborative.name}", from ${result.joinedOn}.`];
  lines.push(
    result.people === 0
      ? `Nobody works in ${org.name} yet: a collaborative admin of "${collaborative.name}" can invite its equality lead (Members).`
      : `Its ${result.people === 1 ? "1 person works" : `${result.people} people work`} in "${collaborative.name}" from their next page.`,
  );
  if (result.collaborativeRoles.length > 0) {
    lines.push(
      `These roles apply in every collaborative ${org.name} belongs to, so they now hold them in "${collaborative.name}" too:`,
      ...result.collaborativeRoles.map((p) => `  ${p.name} <${p.email}>, ${ROLE_LABELS[p.role].toLowerCase()}`),
    );
  }
  return lines.join("\n");
}
