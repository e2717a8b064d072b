import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { invitations, memberships, userCredentials, users } from "#db/schema";
import { withOwner } from "#db/tenant";
import { hashPassword, verifyPassword } from "~/domain/auth/crypto.server";
import { DomainError, invalid } from "~/domain/errors";
import { getInvitationByToken, INVITATION_STATUS_MESSAGES } from "./get-invitation.server";

export type AcceptInvitationInput =
  /** Someone new: they choose their name and password. */
  | { kind: "new-account"; token: string; name: string; password: string }
  /** Someone with an account already: signed in as that account, or proving it with its password. */
  | { kind: "existing-account"; token: string; signedInUserId?: string | null; password?: string };

/**
 * Joins the invited person to the organisation, once. The invitation row is locked for the
 * duration, so two tabs following the same link cannot both succeed.
 */
export async function acceptInvitation(database: Database, input: AcceptInvitationInput): Promise<{ userId: string; orgId: string }> {
  // Hash outside the transaction: argon2 is slow and PGlite serialises transactions.
  const newHash = input.kind === "new-account" ? await hashPassword(input.password) : null;
  return withOwner(database, async (tx) => {
    const invitation = await getInvitationByToken({ db: tx }, input.token, true);
    if (!invitation) throw new DomainError(404, "This invitation link is not valid. Check you copied all of it.");
    if (invitation.status !== "valid") throw new DomainError(410, INVITATION_STATUS_MESSAGES[invitation.status]);

    let userId: string;
    if (input.kind === "new-account") {
      if (invitation.accountExists) {
        throw new DomainError(409, `An account for ${invitation.email} already exists. Sign in to accept this invitation.`);
      }
      const [user] = await tx.insert(users).values({ email: invitation.email, name: input.name.trim() }).returning({ id: users.id });
      userId = user!.id;
      await tx.insert(userCredentials).values({ userId, passwordHash: newHash! });
    } else {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
      if (!user) throw new DomainError(409, "There is no account for this email yet. Choose a name and password instead.");
      userId = user.id;
      if (input.signedInUserId !== userId) {
        const [cred] = await tx.select().from(userCredentials).where(eq(userCredentials.userId, userId));
        if (!cred || !input.password || !(await verifyPassword(cred.passwordHash, input.password))) {
          throw invalid({ password: "Enter the correct password for " + invitation.email });
        }
      }
      const [already] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.orgId, invitation.orgId)));
      if (already) throw new DomainError(409, `You are already a member of ${invitation.orgName}.`);
    }
    await tx.insert(memberships).values({ userId, orgId: invitation.orgId, role: invitation.role, createdBy: invitation.createdBy });
    await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: userId }).where(eq(invitations.id, invitation.id));
    return { userId, orgId: invitation.orgId };
  });
}
