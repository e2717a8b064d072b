import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "#db/client";
import { assessmentGrades, assessments, assessmentServices } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { invalid } from "~/domain/errors";
import { allOutcomes, scaleLabel } from "~/policies/assessment-results";
import { gradeField, gradeFingerprint } from "~/policies/grading";
import { holdEditableAssessment } from "./hold-assessment.server";
import { loadFramework } from "./load-framework.server";
import { isUuid } from "~/lib/ids";

export interface GradeEntry {
  outcomeId: string;
  serviceId: string | null;
  /** null clears the grade. */
  value: number | null;
  rationale: string;
  /** The person saving agrees this grade (recorded with their name). */
  agreed: boolean;
  /**
   * Evidence items linked to the grade (replacing those linked before); each must be an item the
   * person can see, or one already linked to this grade. Left out, the grade's links are kept.
   */
  evidenceIds?: string[];
  /**
   * `gradeFingerprint` of the grade as the person's form showed it. Given, a slot left as it was
   * shown is not written (another person's save since then stands), and a slot changed both here
   * and by someone else since is refused on its field. Left out, the entry is written as it is.
   */
  loaded?: string;
}

/** Enough for any real grade; stops a forged form from writing a huge array. */
export const MAX_LINKED_EVIDENCE = 200;

type GradeRow = typeof assessmentGrades.$inferSelect;
const fingerprintOf = (g: GradeRow | undefined) => gradeFingerprint(g ? { value: g.value, rationale: g.rationale, agreed: g.agreedBy !== null, evidenceIds: g.evidenceIds } : null);

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);

/**
 * Saves the grades of one assessment in one transaction: every entry is checked first (scale,
 * outcome of this framework, Domain 1 only per service of this assessment) and nothing is written
 * unless all are valid. Changing an agreed assessment's grades returns it to grading.
 */
export async function saveGrades(database: Database, actor: Actor, assessmentId: string, entries: GradeEntry[]): Promise<{ changed: number }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const assessment = await holdEditableAssessment(tx, actor, assessmentId, "Only the organisation's equality lead grades, and not once the assessment is published");
    const framework = await loadFramework(tx, assessment.frameworkId);
    const outcomes = new Map(allOutcomes(framework).map((o) => [o.id, o]));
    const scale = framework.scale.map((p) => p.value);
    const services = new Set((await tx.select({ id: assessmentServices.id }).from(assessmentServices).where(eq(assessmentServices.assessmentId, assessmentId))).map((s) => s.id));
    const existing = new Map(
      (await tx.select().from(assessmentGrades).where(eq(assessmentGrades.assessmentId, assessmentId))).map((g) => [gradeField(g.outcomeId, g.serviceId), g]),
    );
    // Evidence the person can see (RLS decides: their organisation's own items and items shared with the collaborative).
    const asked = [...new Set(entries.flatMap((e) => (e.evidenceIds ?? []).filter((id) => isUuid(id)).map((id) => id.toLowerCase())))];
    const visible = new Set(
      asked.length
        ? rowsOf<{ id: string }>(await tx.execute(sql`select id from evidence_items where id = any(${`{${asked.join(",")}}`}::uuid[])`)).map((r) => r.id)
        : [],
    );
    const errors: Record<string, string> = {};
    // The page's own word: EDS 2022 outcomes are scored (0-3), EDS2 outcomes graded.
    const scored = framework.code === "EDS2022";
    const grade = scored ? "score" : "grade";
    // Slots the person left as their form showed them while someone else saved them since.
    const leftAlone = new Set<string>();
    for (const e of entries) {
      const field = gradeField(e.outcomeId, e.serviceId);
      const outcome = outcomes.get(e.outcomeId);
      if (!outcome) {
        errors[field] = "That outcome is not part of this framework";
        continue;
      }
      if (outcome.scoredPerService && (!e.serviceId || !services.has(e.serviceId))) errors[field] = `${outcome.code} is scored per service: add a service to Domain 1 first`;
      else if (!outcome.scoredPerService && e.serviceId) errors[field] = `${outcome.code} is not scored per service`;
      else if (e.value !== null && (!Number.isInteger(e.value) || !scale.includes(e.value)))
        errors[field] = `${outcome.code}: choose a score on the scale (${framework.scale.map((p) => `${p.value} ${p.label}`).join(", ")})`;
      else if (e.rationale.length > 5000) errors[`${field}-rationale`] = `${outcome.code}: the rationale must be 5,000 characters or fewer`;
      else if (e.value === null && e.agreed) errors[field] = `${outcome.code}: choose a ${grade} before agreeing it`;
      // A slot without a grade is no row at all, so its rationale would be thrown away unsaid.
      else if (e.value === null && e.rationale.trim() !== "")
        errors[`${field}-rationale`] = `${outcome.code}: choose a ${grade} for this rationale, or empty the rationale to leave the outcome ${scored ? "unscored" : "ungraded"}`;
      if (e.evidenceIds && !errors[field]) {
        const evidenceField = `${field}-evidence`;
        const linkedBefore = new Set(existing.get(field)?.evidenceIds ?? []);
        const ids = e.evidenceIds.map((id) => id.toLowerCase());
        if (ids.some((id) => !isUuid(id))) errors[evidenceField] = `${outcome.code}: choose evidence from the list`;
        else if (ids.some((id) => !visible.has(id) && !linkedBefore.has(id)))
          errors[evidenceField] = `${outcome.code}: an evidence item does not exist or you cannot see it (only your organisation's items and items shared with the collaborative can be linked)`;
        else if (new Set(ids).size > MAX_LINKED_EVIDENCE) errors[evidenceField] = `${outcome.code}: link ${MAX_LINKED_EVIDENCE} evidence items or fewer`;
        else if (e.value === null && ids.length) errors[evidenceField] = `${outcome.code}: choose a ${grade} before linking evidence to it`;
      }
      const current = existing.get(field);
      if (e.loaded !== undefined && !errors[field]) {
        const now = fingerprintOf(current);
        if (now !== e.loaded) {
          const mine = gradeFingerprint({ value: e.value, rationale: e.rationale, agreed: e.agreed, evidenceIds: e.evidenceIds ?? current?.evidenceIds ?? [] });
          if (mine === e.loaded) leftAlone.add(field);
          else if (mine !== now) {
            const reads = current ? `${scored ? `${current.value} ` : ""}${scaleLabel(framework, current.value)}` : scored ? "not scored" : "not graded";
            errors[field] = `${outcome.code}: someone else saved this ${grade} after you opened the page (it is now ${reads}). Check it, then save again to keep yours.`;
          }
        }
      }
    }
    if (Object.keys(errors).length) throw invalid(errors, "Some grades could not be saved. Nothing was changed.");

    const now = new Date();
    let changed = 0;
    for (const e of entries) {
      if (leftAlone.has(gradeField(e.outcomeId, e.serviceId))) continue;
      const current = existing.get(gradeField(e.outcomeId, e.serviceId));
      if (e.value === null) {
        if (current) {
          await tx.delete(assessmentGrades).where(eq(assessmentGrades.id, current.id));
          changed++;
        }
        continue;
      }
      // The form draws an agreed grade's box ticked ("Agreed (by ...)"): left so on a changed grade, it
      // is the old grade's agreement, not this person's of the new one. Ticking it again agrees that.
      const agreedBefore = Boolean(current?.agreedBy) && e.loaded !== undefined && e.loaded === fingerprintOf(current);
      const agreement = e.agreed && !(agreedBefore && current!.value !== e.value)
        ? current?.agreedBy && current.value === e.value
          ? { agreedBy: current.agreedBy, agreedAt: current.agreedAt }
          : { agreedBy: actor.userId, agreedAt: now }
        : { agreedBy: null, agreedAt: null };
      const evidenceIds = e.evidenceIds ? [...new Set(e.evidenceIds.map((id) => id.toLowerCase()))] : (current?.evidenceIds ?? []);
      if (!current) {
        await tx.insert(assessmentGrades).values({
          collaborativeId: assessment.collaborativeId,
          orgId: assessment.orgId,
          assessmentId,
          outcomeId: e.outcomeId,
          serviceId: e.serviceId,
          value: e.value,
          rationale: e.rationale,
          evidenceIds,
          ...agreement,
          updatedBy: actor.userId,
          updatedAt: now,
        });
        changed++;
      } else if (current.value !== e.value || current.rationale !== e.rationale || current.agreedBy !== agreement.agreedBy || !sameIds(current.evidenceIds, evidenceIds)) {
        await tx
          .update(assessmentGrades)
          .set({ value: e.value, rationale: e.rationale, evidenceIds, ...agreement, updatedBy: actor.userId, updatedAt: now })
          .where(eq(assessmentGrades.id, current.id));
        changed++;
      }
    }
    if (changed && assessment.phase !== "grading") {
      await tx.update(assessments).set({ phase: "grading", updatedAt: now }).where(eq(assessments.id, assessmentId));
    }
    return { changed };
  });
}
