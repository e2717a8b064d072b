import { and, eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { invitations, memberships, userCredentials, users } from "#db/schema";
import { withOwner } from "#db/tenant";
import { hashPassword } from "~/domain/auth/crypto.server";
import { checkPassword, rateLimitedMessage } from "~/domain/auth/sign-in.server";
import { DomainError, invalid } from "~/domain/errors";
import type { RateLimitScope } from "~/policies/rate-limit";
import { getInvitationByToken, INVITATION_STATUS_MESSAGES, type InvitationView } from "./get-invitation.server";

export type AcceptInvitationInput =
  /** Someone new: they choose their name and password. */
  | { kind: "new-account"; token: string; name: string; password: string }
  /**
   * Someone with an account already: signed in as that account, or proving it with its password.
   * `address` and `deviceToken` (the browser's device cookie) are the client's, for the sign-in
   * limits the password check is under.
   */
  | { kind: "existing-account"; token: string; signedInUserId?: string | null; password?: string; address?: string | null; deviceToken?: string | null };

/** The sign-in limits refused the password check; the route adds Retry-After. */
export class SignInRateLimited extends DomainError {
  constructor(
    readonly scope: RateLimitScope,
    readonly retryAfterSeconds: number,
  ) {
    super(429, rateLimitedMessage(scope, retryAfterSeconds));
  }
}

/**
 * Joins the invited person to the organisation, once. The invitation row is locked for the
 * duration, so two tabs following the same link cannot both succeed.
 */
export async function acceptInvitation(database: Database, input: AcceptInvitationInput): Promise<{ userId: string; orgId: string }> {
  // Hashing and verifying happen outside the transaction: argon2 is slow and PGlite serialises
  // transactions, so a password checked inside one would hold up every other request.
  const newHash = input.kind === "new-account" ? await hashPassword(input.password) : null;
  const provenUserId = input.kind === "existing-account" ? await proveAccount(database, input) : null;
  return withOwner(database, async (tx) => {
    const invitation = await usableInvitation({ db: tx }, input.token, true);
    const userId = input.kind === "new-account" ? await createAccount(tx, invitation, input.name, newHash!) : await stillJoinable(tx, invitation, provenUserId!);
    await tx.insert(memberships).values({ userId, orgId: invitation.orgId, role: invitation.role, createdBy: invitation.createdBy });
    await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: userId }).where(eq(invitations.id, invitation.id));
    return { userId, orgId: invitation.orgId };
  });
}

async function usableInvitation(database: Database | { db: Tx }, token: string, lock = false): Promise<InvitationView> {
  const invitation = await getInvitationByToken(database, token, lock);
  if (!invitation) throw new DomainError(404, "This invitation link is not valid. Check you copied all of it.");
  if (invitation.status !== "valid") throw new DomainError(410, INVITATION_STATUS_MESSAGES[invitation.status]);
  return invitation;
}

/**
 * The id of the invited account, once the person has shown it is theirs. A password typed here is
 * a sign-in attempt like any other: the inviter chooses the email and sees the link, so without the
 * sign-in limits this page would let them guess anyone's password.
 */
async function proveAccount(database: Database, input: Extract<AcceptInvitationInput, { kind: "existing-account" }>): Promise<string> {
  const invitation = await usableInvitation(database, input.token);
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  if (!user) throw new DomainError(409, "There is no account for this email yet. Choose a name and password instead.");
  if (input.signedInUserId === user.id) return user.id;
  if (!input.password) throw invalid({ password: "Enter the password for " + invitation.email });
  const checked = await checkPassword(database, { email: invitation.email, password: input.password, address: input.address ?? null, deviceToken: input.deviceToken });
  if (checked.ok) return checked.userId;
  if (checked.reason === "rate-limited") throw new SignInRateLimited(checked.scope, checked.retryAfterSeconds);
  throw invalid({ password: "Enter the correct password for " + invitation.email });
}

async function createAccount(tx: Tx, invitation: InvitationView, name: string, passwordHash: string): Promise<string> {
  if (invitation.accountExists) {
    throw new DomainError(409, `An account for ${invitation.email} already exists. Sign in to accept this invitation.`);
  }
  const [user] = await tx.insert(users).values({ email: invitation.email, name: name.trim() }).returning({ id: users.id });
  await tx.insert(userCredentials).values({ userId: user!.id, passwordHash });
  return user!.id;
}

/** Re-checked under the lock: the account proven before the transaction must still be the invited one. */
async function stillJoinable(tx: Tx, invitation: InvitationView, userId: string): Promise<string> {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  if (user?.id !== userId) throw new DomainError(409, "The account for this invitation changed while you were accepting it. Try again.");
  const [already] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, invitation.orgId)));
  if (already) throw new DomainError(409, `You are already a member of ${invitation.orgName}.`);
  return userId;
}
