import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { collaborativeMembers, collaboratives, memberships, organisations, users, ORGANISATION_TYPES, type OrganisationType } from "../../db/schema";
import { withOwner } from "../../db/tenant";
import { takeTurn } from "../../db/turns";
import { fields } from "../../app/lib/forms";
import { insertOperatorLink, SetupRefused } from "./operator-link";
import { readOptions } from "./options";

/**
 * `npm run peff:setup`: how a real deployment gets its first collaborative, its first member
 * organisation and its first admin, who then adds organisations and invites people in the app.
 * The admin holds what the demo's admin@peff.example holds: collaborative admin of that
 * organisation. A new account gets no password, only a one-time link to choose one, made by the
 * operator (`password_resets.made_by_operator`).
 */
export interface SetupInput {
  collaborative: string;
  organisation: string;
  type: OrganisationType;
  adminEmail: string;
  adminName: string;
}

export interface SetupResult {
  collaborativeId: string;
  orgId: string;
  userId: string;
  /** False when the email already had an account: it was given the role, and no link was made. */
  newAccount: boolean;
  link: { url: string; expiresAt: Date } | null;
}

export { SetupRefused };

export const SETUP_USAGE = `Usage: npm run peff:setup -- --collaborative "<name>" --organisation "<name>" --type <type> --admin-email <email> --admin-name "<name>"
  --type is one of: ${ORGANISATION_TYPES.join(", ")}`;

const inputSchema = z.object({
  collaborative: fields.requiredText("the collaborative's name (--collaborative)"),
  organisation: fields.requiredText("the organisation's name (--organisation)"),
  type: z.enum(ORGANISATION_TYPES, {
    errorMap: (issue, ctx) => ({
      message:
        issue.code === "invalid_enum_value"
          ? `--type must be one of: ${ORGANISATION_TYPES.join(", ")}`
          : ctx.data === undefined
            ? `Give the organisation's type (--type), one of: ${ORGANISATION_TYPES.join(", ")}`
            : ctx.defaultError,
    }),
  }),
  adminEmail: fields.email(),
  adminName: fields.requiredText("the admin's name (--admin-name)"),
});

/** Reads the command line; every problem at once, so one run tells the operator all they must fix. */
export function parseSetupArgs(argv: string[]): { ok: true; input: SetupInput } | { ok: false; problems: string[] } {
  const read = readOptions(argv, ["collaborative", "organisation", "type", "admin-email", "admin-name"]);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const { values } = read;
  const parsed = inputSchema.safeParse({
    collaborative: values.collaborative,
    organisation: values.organisation,
    type: values.type,
    adminEmail: values["admin-email"],
    adminName: values["admin-name"],
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems = parsed.error.issues.map((issue) => (issue.path[0] === "adminEmail" ? `--admin-email: ${issue.message}` : issue.message));
  return { ok: false, problems };
}

/**
 * Creates the collaborative, the organisation as its member and the admin, in one owner
 * transaction: a refusal or failure leaves nothing behind. A collaborative of the same name
 * (ignoring case and surrounding spaces) is refused; runs take turns, so two at once cannot both
 * create it.
 */
export async function setupCollaborative(database: Database, publicUrl: string, input: SetupInput): Promise<SetupResult> {
  return withOwner(database, async (tx) => {
    await takeTurn(tx, "peff:setup");
    const [clash] = await tx
      .select({ name: collaboratives.name })
      .from(collaboratives)
      .where(sql`lower(btrim(${collaboratives.name})) = lower(${input.collaborative})`)
      .limit(1);
    if (clash) throw new SetupRefused(`A collaborative called "${clash.name}" already exists. Nothing was created.`);

    const [collab] = await tx.insert(collaboratives).values({ name: input.collaborative, isDemo: false }).returning({ id: collaboratives.id });
    const [org] = await tx.insert(organisations).values({ name: input.organisation, type: input.type }).returning({ id: organisations.id });
    await tx.insert(collaborativeMembers).values({ collaborativeId: collab!.id, orgId: org!.id });

    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.adminEmail));
    const userId = existing?.id ?? (await tx.insert(users).values({ email: input.adminEmail, name: input.adminName }).returning({ id: users.id }))[0]!.id;
    await tx.insert(memberships).values({ userId, orgId: org!.id, role: "collaborative_admin" });
    if (existing) return { collaborativeId: collab!.id, orgId: org!.id, userId, newAccount: false, link: null };

    return { collaborativeId: collab!.id, orgId: org!.id, userId, newAccount: true, link: await insertOperatorLink(tx, publicUrl, userId, collab!.id) };
  });
}

/** What the terminal says after a setup. */
export function describeSetup(input: SetupInput, result: SetupResult): string {
  const lines = [`Created the collaborative "${input.collaborative}" with "${input.organisation}" as its first member organisation.`];
  if (result.link) {
    lines.push(
      `Created an account for ${input.adminName} <${input.adminEmail}>, collaborative admin. It has no password yet.`,
      `Send them this one-time link to choose one (it works once, until ${result.link.expiresAt.toISOString()}):`,
      `  ${result.link.url}`,
    );
  } else {
    lines.push(
      `${input.adminEmail} already had an account: it is now collaborative admin of "${input.organisation}" as well, and signs in with its existing password. No link was made.`,
    );
  }
  lines.push("Then sign in, add the other member organisations (Members, Add an organisation) and invite their equality leads.");
  return lines.join("\n");
}
