import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database, Tx } from "../../db/client";
import { collaborativeMembers, memberships, passwordResets, users } from "../../db/schema";
import { withOwner } from "../../db/tenant";
import { randomToken, sha256 } from "../../app/domain/auth/crypto.server";
import { RESET_LINK_HOURS } from "../../app/policies/password-reset";

/** The operator's command refused (exit code 2); nothing was changed. */
export class SetupRefused extends Error {}

/**
 * A one-time link for `userId` to choose a password, made by the operator
 * (`password_resets.made_by_operator`: valid without a maker, whose rights would otherwise be
 * judged when it is used), recorded as made in `collaborativeId`.
 */
export async function insertOperatorLink(tx: Tx, publicUrl: string, userId: string, collaborativeId: string): Promise<{ url: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000);
  await tx.insert(passwordResets).values({ tokenHash: sha256(token), userId, collaborativeId, createdBy: null, madeByOperator: true, expiresAt });
  return { url: `${publicUrl.replace(/\/$/, "")}/reset-password/${token}`, expiresAt };
}

/**
 * `npm run peff:admin-link -- --email <email>`: a new one-time link for a collaborative admin to
 * choose a password, made by the operator. For the two cases nobody in the app can mend: the first
 * admin's link from `peff:setup` expired unused, or the only admin of a collaborative forgot their
 * password (in the app, only an admin makes an admin's link). Everyone else's link is made in the
 * app (Members), by someone judged to have the right. Older unused links of the person end, as
 * when a link is made in the app.
 */
export async function makeOperatorLink(database: Database, publicUrl: string, email: string): Promise<{ url: string; expiresAt: Date; name: string }> {
  return withOwner(database, async (tx) => {
    const [user] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email.trim().toLowerCase()));
    if (!user) throw new SetupRefused(`There is no account for ${email}. Nothing was made.`);
    // A collaborative the person is a current admin in (the link is recorded as made there).
    const [admin] = await tx
      .select({ collaborativeId: collaborativeMembers.collaborativeId })
      .from(memberships)
      .innerJoin(collaborativeMembers, and(eq(collaborativeMembers.orgId, memberships.orgId), isNull(collaborativeMembers.leftOn)))
      .where(and(eq(memberships.userId, user.id), eq(memberships.role, "collaborative_admin")))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (!admin) {
      throw new SetupRefused(`${email} is not a collaborative admin. Their equality lead or a collaborative admin makes their password reset link in the app (Members). Nothing was made.`);
    }
    await tx
      .update(passwordResets)
      .set({ supersededAt: new Date() })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), isNull(passwordResets.supersededAt)));
    return { ...(await insertOperatorLink(tx, publicUrl, user.id, admin.collaborativeId)), name: user.name };
  });
}
