import { and, eq, isNull } from "drizzle-orm";
import type { Database, Db, Tx } from "#db/client";
import { collaborativeMembers, collaboratives, invitations, organisations, users, type Role } from "#db/schema";
import { sha256 } from "~/domain/auth/crypto.server";
import { inviterCanStillIssue } from "./inviter-rights.server";

export type InvitationStatus = "valid" | "expired" | "used" | "revoked" | "organisation-left" | "inviter-lacks-rights";

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  orgId: string;
  orgName: string;
  collaborativeName: string;
  expiresAt: Date;
  status: InvitationStatus;
  /** Whether an account already exists for the invited email. */
  accountExists: boolean;
  createdBy: string | null;
}

/**
 * Looks an invitation up by its token. Runs before anyone is signed in, so on the owner
 * connection; the token itself (256 random bits, stored only as a hash) is the authority.
 */
export async function getInvitationByToken(database: Database | { db: Tx }, token: string, lock = false): Promise<InvitationView | null> {
  const query = database.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      orgId: invitations.orgId,
      collaborativeId: invitations.collaborativeId,
      orgName: organisations.name,
      collaborativeName: collaboratives.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdBy: invitations.createdBy,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .innerJoin(collaboratives, eq(collaboratives.id, invitations.collaborativeId))
    .where(eq(invitations.tokenHash, sha256(token)));
  const [row] = await (lock ? query.for("update", { of: invitations }) : query);
  if (!row) return null;
  const [account] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  // An organisation that has left comes before withdrawn and expired: recording the leaving withdraws
  // its links, and "ask for a new link" would send the person after one that cannot be made.
  const status: InvitationStatus = row.acceptedAt
    ? "used"
    : !(await stillMember(database.db, row))
      ? "organisation-left"
      : row.revokedAt
        ? "revoked"
        : row.expiresAt.getTime() <= Date.now()
          ? "expired"
          : (await inviterCanStillIssue(database.db, row.createdBy, row))
            ? "valid"
            : "inviter-lacks-rights";
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    orgId: row.orgId,
    orgName: row.orgName,
    collaborativeName: row.collaborativeName,
    expiresAt: row.expiresAt,
    status,
    accountExists: Boolean(account),
    createdBy: row.createdBy,
  };
}

/** Whether the organisation is still a member of the collaborative the invitation was made in. */
async function stillMember(db: Db | Tx, invitation: { collaborativeId: string; orgId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: collaborativeMembers.id })
    .from(collaborativeMembers)
    .where(and(eq(collaborativeMembers.collaborativeId, invitation.collaborativeId), eq(collaborativeMembers.orgId, invitation.orgId), isNull(collaborativeMembers.leftOn)));
  return Boolean(row);
}

export const INVITATION_STATUS_MESSAGES: Record<Exclude<InvitationStatus, "valid">, string> = {
  expired: "This invitation has expired. Ask the person who invited you for a new link.",
  used: "This invitation has already been used. Sign in instead, or ask for a new link.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new link.",
  "organisation-left": "The organisation you were invited to has left the collaborative, so this link no longer works.",
  "inviter-lacks-rights":
    "The person who invited you can no longer invite people to this organisation with this role, so this link no longer works. Ask your equality lead or the collaborative admin for a new link.",
};
