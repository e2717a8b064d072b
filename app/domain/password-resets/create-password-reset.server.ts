import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { passwordResets } from "#db/schema";
import { withOwner } from "#db/tenant";
import type { Actor } from "~/domain/auth/actor";
import { randomToken, sha256 } from "~/domain/auth/crypto.server";
import { forbidden } from "~/domain/errors";
import { describeMembership } from "~/domain/members/describe-membership.server";
import type { AppConfig } from "~/lib/config";
import { RESET_LINK_HOURS, RESET_REFUSED } from "~/policies/password-reset";
import { makerMayReset } from "./maker-rights.server";

export interface ResetTarget {
  membershipId: string;
  name: string;
  email: string;
  orgName: string;
  /** Whether the actor may make a link for this person (see app/policies/password-reset.ts). */
  allowed: boolean;
}

/** The person behind a membership the actor can see, and whether the actor may make them a link. */
export async function describeResetTarget(database: Database, actor: Actor, membershipId: string): Promise<ResetTarget> {
  const member = await describeMembership(database, actor, membershipId);
  const allowed = await makerMayReset(database.db, actor.userId, actor.active.collaborativeId, member.userId);
  return { membershipId: member.id, name: member.name, email: member.email, orgName: member.orgName, allowed };
}

/**
 * Makes a one-time link for the person to choose a new password, valid for 24 hours, shown once to
 * the maker to pass on (no email is sent). Only the newest link for a person works. Nothing
 * changes for the person until the link is used: their password and sessions stay as they are.
 *
 * Unlike making an invitation, this takes no members lock (hold-membership.server.ts), and needs
 * none. It is judged by `makerMayReset` on the maker's and the person's memberships as read in
 * this transaction, not by the role the request began with; and nothing withdraws a maker's links
 * when their role changes or they are removed, which a link made during that change could slip
 * past: every link is judged again, on the owner connection under its row lock, when it is used
 * (getPasswordReset). So a link made while its maker's demotion is in flight is exactly what a link
 * made a moment before the demotion is, which is allowed: it works only if, when used, its maker
 * could still make it.
 */
export async function createPasswordReset(database: Database, config: AppConfig, actor: Actor, membershipId: string): Promise<{ url: string; expiresAt: Date; name: string }> {
  const target = await describeMembership(database, actor, membershipId);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000);
  await withOwner(database, async (tx) => {
    // Judged in the transaction that stores the link, on complete data.
    if (!(await makerMayReset(tx, actor.userId, actor.active.collaborativeId, target.userId))) throw forbidden(RESET_REFUSED);
    await tx
      .update(passwordResets)
      .set({ supersededAt: new Date() })
      .where(and(eq(passwordResets.userId, target.userId), isNull(passwordResets.usedAt), isNull(passwordResets.supersededAt)));
    await tx.insert(passwordResets).values({ tokenHash: sha256(token), userId: target.userId, collaborativeId: actor.active.collaborativeId, createdBy: actor.userId, expiresAt });
  });
  return { url: `${config.publicUrl}/reset-password/${token}`, expiresAt, name: target.name };
}
