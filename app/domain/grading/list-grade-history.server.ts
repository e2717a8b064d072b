import { asc, desc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { assessmentServices, frameworkOutcomes, gradeHistory, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { loadAssessment } from "./get-assessment.server";

export interface HistoryEntry {
  id: string;
  outcomeCode: string;
  outcomeTitle: string;
  serviceName: string | null;
  value: number | null;
  rationale: string | null;
  agreed: boolean;
  changedByName: string | null;
  changedAt: Date;
}

/** Every change of every grade of an assessment, newest first (written by a database trigger). */
export async function listGradeHistory(database: Database, actor: Actor, assessmentId: string): Promise<HistoryEntry[]> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    await loadAssessment(tx, assessmentId);
    const rows = await tx
      .select({
        id: gradeHistory.id,
        outcomeCode: frameworkOutcomes.code,
        outcomeTitle: frameworkOutcomes.title,
        serviceId: gradeHistory.serviceId,
        value: gradeHistory.value,
        rationale: gradeHistory.rationale,
        agreedBy: gradeHistory.agreedBy,
        changedByName: users.name,
        changedAt: gradeHistory.changedAt,
      })
      .from(gradeHistory)
      .innerJoin(frameworkOutcomes, eq(frameworkOutcomes.id, gradeHistory.outcomeId))
      .leftJoin(users, eq(users.id, gradeHistory.changedBy))
      .where(eq(gradeHistory.assessmentId, assessmentId))
      .orderBy(desc(gradeHistory.changedAt), asc(frameworkOutcomes.position));
    // Services may have been removed since; their names live on while they exist.
    const services = new Map(
      (await tx.select({ id: assessmentServices.id, name: assessmentServices.name }).from(assessmentServices).where(eq(assessmentServices.assessmentId, assessmentId))).map((s) => [s.id, s.name]),
    );
    return rows.map(({ serviceId, agreedBy, ...r }) => ({
      ...r,
      serviceName: serviceId ? (services.get(serviceId) ?? "a service since removed") : null,
      agreed: agreedBy !== null,
    }));
  });
}
