import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "#db/client";
import { assessmentGrades, assessments, organisations, type ActionPlanLine } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import type { ScreenTable } from "~/domain/compare/screen-table";
import { allOutcomes, scaleColour, scaleLabel, type FrameworkShape, type ScalePoint } from "~/policies/assessment-results";
import { formatScore } from "~/policies/eds2022-scoring";
import { yearLabel } from "~/policies/grading";
import { loadAssessmentView, type AssessmentView } from "./get-assessment.server";
import { loadActionPlanLines } from "./load-action-plan-lines.server";

export interface PublishedSummary {
  assessmentId: string;
  title: string;
  orgName: string;
  published: boolean;
  publishedOn: string | null;
  /** The alternative-format notice and the organisation's contact details, line by line (page and exports). */
  footer: string[];
  key: ScalePoint[];
  table: ScreenTable;
  overall: { text: string; colour?: string } | null;
  frameworkCode: string;
  /** EDS 2022: the EDS action plan's lines (frozen at publication; live in a preview). */
  actionPlan: ScreenTable | null;
}

/**
 * The summary an organisation publishes: for EDS2 the shape of seed 002's Appendix A (goal,
 * number, description of outcome, grades for two years side by side); for EDS 2022 domains,
 * outcomes, scores (Domain 1 per service), domain scores and the overall rating. The same table
 * is the HTML, the CSV and the XLSX.
 */
export async function getSummary(database: Database, actor: Actor, assessmentId: string): Promise<PublishedSummary> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const view = await loadAssessmentView(tx, assessmentId);
    const a = view.assessment;
    const [org] = await tx
      .select({ email: organisations.contactEmail, phone: organisations.contactPhone, address: organisations.address })
      .from(organisations)
      .where(eq(organisations.id, a.orgId));
    const title = `${view.framework.code === "EDS2" ? "EDS2" : "EDS 2022"} summary report ${yearLabel(a.yearStart)}`;
    let table: ScreenTable;
    let overall: PublishedSummary["overall"] = null;
    let actionPlan: ScreenTable | null = null;
    if (view.framework.code === "EDS2") {
      // The previous published EDS2 year of the same organisation, for the side-by-side column.
      const [previous] = await tx
        .select({ id: assessments.id, yearStart: assessments.yearStart })
        .from(assessments)
        .where(and(eq(assessments.orgId, a.orgId), eq(assessments.frameworkId, a.frameworkId), eq(assessments.phase, "published"), lt(assessments.yearStart, a.yearStart)))
        .orderBy(desc(assessments.yearStart))
        .limit(1);
      const before = previous ? await tx.select({ outcomeId: assessmentGrades.outcomeId, value: assessmentGrades.value }).from(assessmentGrades).where(eq(assessmentGrades.assessmentId, previous.id)) : [];
      table = eds2Table(view, previous ? { yearStart: previous.yearStart, values: new Map(before.map((g) => [g.outcomeId, g.value])) } : null);
      const v = view.results.eds2!.overall;
      overall = { text: `Overall (${view.framework.aggregationRule} rule): ${scaleLabel(view.framework, v)}`, colour: scaleColour(view.framework, v) };
    } else {
      table = eds2022Table(view);
      const lines = a.actionPlan ?? (a.phase === "published" ? [] : await loadActionPlanLines(tx, a.orgId));
      actionPlan = actionPlanTable(lines, yearLabel(a.yearStart));
      const r = view.results.eds2022!;
      overall = { text: `Overall score ${formatScore(r.overall)} of 33: ${r.band?.label ?? "no rating yet"}`, colour: r.band?.colour };
    }
    return {
      assessmentId,
      title,
      orgName: a.orgName,
      published: a.phase === "published",
      publishedOn: a.publishedOn,
      footer: [
        `This document is available in other formats on request, including large print, easy read, audio, Braille and other languages. Please contact ${a.orgName}.`,
        ...(org?.email ? [`Email: ${org.email}`] : []),
        ...(org?.phone ? [`Telephone: ${org.phone}`] : []),
        ...(org?.address ? [`Address: ${org.address}`] : []),
        ...(!org?.email && !org?.phone && !org?.address ? ["Contact details have not been recorded for this organisation."] : []),
      ],
      key: view.framework.scale,
      table,
      overall,
      frameworkCode: view.framework.code,
      actionPlan,
    };
  });
}

function eds2Table(view: AssessmentView, previous: { yearStart: number; values: Map<string, number> } | null): ScreenTable {
  const fw = view.framework;
  const year = view.assessment.yearStart;
  return {
    caption: `EDS2 grades, ${previous ? `${yearLabel(previous.yearStart)} and ` : ""}${yearLabel(year)}`,
    headers: ["Goal", "Number", "Description of outcome", ...(previous ? [`Grading ${yearLabel(previous.yearStart)}`] : []), `Grading ${yearLabel(year)}`],
    rows: fw.groups.flatMap((g) =>
      g.outcomes.map((o) => {
        const now = view.results.outcomeValues[o.id] ?? null;
        const then = previous?.values.get(o.id) ?? null;
        return {
          key: o.id,
          cells: [
            { text: g.name },
            { text: o.code },
            { text: o.wording },
            ...(previous ? [{ text: scaleLabel(fw, then), colour: scaleColour(fw, then) }] : []),
            { text: scaleLabel(fw, now), colour: scaleColour(fw, now) },
          ],
        };
      }),
    ),
  };
}

function eds2022Table(view: AssessmentView): ScreenTable {
  const fw: FrameworkShape = view.framework;
  const r = view.results.eds2022!;
  const rationale = (outcomeId: string) =>
    view.grades
      .filter((g) => g.outcomeId === outcomeId && g.rationale)
      .map((g) => (g.serviceId ? `${view.services.find((s) => s.id === g.serviceId)?.name}: ${g.rationale}` : g.rationale))
      .join(" ");
  const rows: ScreenTable["rows"] = [];
  fw.groups.forEach((g, gi) => {
    for (const o of g.outcomes) {
      const v = view.results.outcomeValues[o.id] ?? null;
      const perService = o.scoredPerService
        ? `${view.services.map((s) => `${s.name} ${view.results.serviceScores[s.id]?.[o.id] ?? "not scored"}`).join("; ")} (median ${formatScore(v)})`
        : v === null
          ? "Not scored"
          : `${v} ${scaleLabel(fw, v)}`;
      rows.push({ key: o.id, cells: [{ text: `Domain ${g.code}: ${g.name}` }, { text: `${o.code} ${o.title}` }, { text: o.wording }, { text: perService, colour: scaleColour(fw, v) }, { text: rationale(o.id) }] });
    }
    const d = r.domains[gi]!;
    rows.push({ key: `domain-${g.code}`, cells: [{ text: `Domain ${g.code}: ${g.name}` }, { text: `Domain ${g.code} score` }, { text: d.working }, { text: formatScore(d.score) }, { text: "" }] });
  });
  rows.push({ key: "overall", cells: [{ text: "Overall" }, { text: "Overall score and rating" }, { text: r.working }, { text: `${formatScore(r.overall)} ${r.band?.label ?? ""}`.trim(), colour: r.band?.colour }, { text: "" }] });
  return {
    caption: `EDS 2022 scores, ${yearLabel(view.assessment.yearStart)}`,
    headers: ["Domain", "Outcome", "Description of outcome", "Score", "Evidence for the rating"],
    rows,
    notes: allOutcomes(fw).some((o) => o.scoredPerService) ? ["Domain 1 is scored for each service assessed; its score is the median of the service totals."] : [],
  };
}

function actionPlanTable(lines: ActionPlanLine[], year: string): ScreenTable {
  return {
    caption: `EDS action plan, ${year}`,
    headers: ["Outcome", "Action", "Responsible officer", "Due", "Status"],
    rows: lines.map((l, i) => ({
      key: `${l.outcomeCode}-${i}`,
      cells: [{ text: l.outcomeCode }, { text: l.action }, { text: l.responsibleOfficer || "Not set" }, { text: l.due ?? "No date" }, { text: l.status ?? "No status" }],
    })),
  };
}
