import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { assessments } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import type { AssessmentDetails } from "./create-assessment.server";
import { holdEditableAssessment } from "./hold-assessment.server";

export async function updateAssessmentDetails(database: Database, actor: Actor, assessmentId: string, details: AssessmentDetails): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    await holdEditableAssessment(tx, actor, assessmentId, "Only the organisation's equality lead changes an assessment, and not once it is published");
    await tx
      .update(assessments)
      .set({ ...details, partners: details.partnership === "partnership" ? details.partners : null, updatedAt: new Date() })
      .where(eq(assessments.id, assessmentId));
  });
}
