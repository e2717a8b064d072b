import { eq } from "drizzle-orm";
import type { Db, Tx } from "#db/client";
import { passwordResets, users } from "#db/schema";
import { sha256 } from "~/domain/auth/crypto.server";
import { makerMayReset } from "./maker-rights.server";

export type ResetStatus = "valid" | "used" | "superseded" | "expired" | "maker-lacks-rights";

export const RESET_STATUS_MESSAGES: Record<Exclude<ResetStatus, "valid">, string> = {
  used: "This password reset link has already been used. If you need another, ask the person who sent it.",
  superseded: "This password reset link has been replaced by a newer one, or the password was changed since. Use the newest link you were sent.",
  expired: "This password reset link has expired (links last 24 hours). Ask the person who sent it for a new one.",
  "maker-lacks-rights": "This password reset link no longer works: the person who made it can no longer manage your membership. Ask your equality lead for a new one.",
};

export interface ResetView {
  id: string;
  userId: string;
  email: string;
  status: ResetStatus;
}

/**
 * A reset link by its token, before anyone is signed in (owner connection: the token, 256 random
 * bits stored only as a hash, is the authority). Locked when asked, for the transaction that uses it.
 */
export async function getPasswordReset(db: Db | Tx, token: string, lock = false): Promise<ResetView | null> {
  const query = db
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      email: users.email,
      collaborativeId: passwordResets.collaborativeId,
      createdBy: passwordResets.createdBy,
      madeByOperator: passwordResets.madeByOperator,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      supersededAt: passwordResets.supersededAt,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, sha256(token)));
  const [row] = await (lock ? query.for("update", { of: passwordResets }) : query);
  if (!row) return null;
  const status: ResetStatus = row.usedAt
    ? "used"
    : row.supersededAt
      ? "superseded"
      : row.expiresAt.getTime() <= Date.now()
        ? "expired"
        : // The operator's link (npm run peff:setup) has no maker to judge; any other link with no
          // maker (deleted since) is refused by makerMayReset.
          row.madeByOperator || (await makerMayReset(db, row.createdBy, row.collaborativeId, row.userId))
          ? "valid"
          : "maker-lacks-rights";
  return { id: row.id, userId: row.userId, email: row.email, status };
}
