import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { assessments, collaborativeMembers } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";

export interface CompareOverview {
  /** Current member organisations: with one, there is nobody to compare with yet. */
  members: number;
  /** Published assessments in the collaborative, any framework and year: none, and every view is empty. */
  published: number;
}

/** What the comparison index needs to say why its views may show nothing. */
export async function getCompareOverview(database: Database, actor: Actor): Promise<CompareOverview> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const collaborativeId = actor.active.collaborativeId;
    const [members] = await tx
      .select({ n: count() })
      .from(collaborativeMembers)
      .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), isNull(collaborativeMembers.leftOn)));
    const [published] = await tx
      .select({ n: count() })
      .from(assessments)
      .where(and(eq(assessments.collaborativeId, collaborativeId), eq(assessments.phase, "published")));
    return { members: members?.n ?? 0, published: published?.n ?? 0 };
  });
}
