import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { invitations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";

/** Withdraws a pending invitation. RLS limits this to invitations the person may manage. */
export async function revokeInvitation(database: Database, actor: Actor, invitationId: string): Promise<void> {
  const updated = await withTenant(database, tenantOf(actor), (tx) =>
    tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id }),
  );
  if (updated.length === 0) throw notFound("That invitation is not pending, or you cannot manage it");
}
