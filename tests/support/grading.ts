import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { assessmentGrades, assessments, assessmentServices, frameworkOutcomes, frameworks } from "../../db/schema";

/** Fixtures for grading tests, on the owner connection (arranging data across tenants). */
export async function frameworkIds(database: Database) {
  const rows = await database.db.select({ id: frameworks.id, code: frameworks.code }).from(frameworks);
  return { eds2: rows.find((r) => r.code === "EDS2")!.id, eds2022: rows.find((r) => r.code === "EDS2022")!.id };
}

export async function outcomesOf(database: Database, frameworkId: string) {
  return database.db.select().from(frameworkOutcomes).where(eq(frameworkOutcomes.frameworkId, frameworkId)).orderBy(frameworkOutcomes.position);
}

export async function seedAssessment(
  database: Database,
  options: { collaborativeId: string; orgId: string; frameworkId: string; yearStart: number; published?: boolean; grade?: number },
): Promise<string> {
  const [row] = await database.db
    .insert(assessments)
    .values({
      collaborativeId: options.collaborativeId,
      orgId: options.orgId,
      frameworkId: options.frameworkId,
      yearStart: options.yearStart,
      phase: options.published ? "published" : "grading",
      publishedOn: options.published ? `${options.yearStart + 1}-02-20` : null,
    })
    .returning({ id: assessments.id });
  if (options.grade !== undefined) {
    const outcomes = await outcomesOf(database, options.frameworkId);
    let serviceId: string | null = null;
    if (outcomes.some((o) => o.scoredPerService)) {
      const [s] = await database.db
        .insert(assessmentServices)
        .values({ collaborativeId: options.collaborativeId, orgId: options.orgId, assessmentId: row!.id, name: "Maternity" })
        .returning({ id: assessmentServices.id });
      serviceId = s!.id;
    }
    await database.db.insert(assessmentGrades).values(
      outcomes.map((o) => ({
        collaborativeId: options.collaborativeId,
        orgId: options.orgId,
        assessmentId: row!.id,
        outcomeId: o.id,
        serviceId: o.scoredPerService ? serviceId : null,
        value: options.grade!,
        rationale: `Rationale for ${o.code}`,
      })),
    );
  }
  return row!.id;
}

export async function firstGradeId(database: Database, assessmentId: string): Promise<string> {
  const [g] = await database.db.select({ id: assessmentGrades.id }).from(assessmentGrades).where(and(eq(assessmentGrades.assessmentId, assessmentId))).limit(1);
  return g!.id;
}
