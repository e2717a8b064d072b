import { z } from "zod";
import { PLAN_KINDS, STATUS_MEANINGS, type PlanKind, type PlanLegendEntry, type PlanObjective, type StatusMeaning } from "#db/schema";
import { fields } from "~/lib/forms";
import { parseLegendRows } from "~/lib/legend-input";
import { parseDueDate } from "~/lib/plan/dates";

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  equality_objectives: "Equality objective plan",
  workforce: "Workforce equality plan",
  eds_action: "EDS action plan",
};

export const STATUS_MEANING_LABELS: Record<StatusMeaning, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  ongoing: "Ongoing",
  complete: "Complete",
};

/** A period's date; a month alone means its first day for the start and its last for the end. */
const date = (what: string, monthMeans: "start" | "end") =>
  z
    .string({ required_error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .transform((v, ctx) => {
      const parsed = parseDueDate(v, monthMeans);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${parsed.message}` });
        return z.NEVER;
      }
      return parsed.date;
    });

/** "1. To make fair and transparent commissioning decisions", one per line; numbers optional. */
export function parseObjectives(text: string): PlanObjective[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const m = /^(\d{1,2})[.)]\s*(.*)$/.exec(line);
      return m ? { number: Number(m[1]), text: m[2]!.trim() } : { number: i + 1, text: line };
    });
}

export const planDetailsSchema = z
  .object({
    kind: z.enum(PLAN_KINDS, { errorMap: () => ({ message: "Select the kind of plan" }) }),
    title: fields.requiredText("a title for the plan", 200),
    periodStart: date("the date the plan starts", "start"),
    periodEnd: date("the date the plan ends", "end"),
    objectives: z
      .string()
      .max(5000, "Objectives must be 5,000 characters or fewer")
      .optional()
      .default("")
      .transform((v, ctx) => {
        const list = parseObjectives(v);
        // A line without a number takes its place in the list as its number, so "2. A" then "B"
        // gives two objectives 2: say which, and how to tell them apart.
        const twice = list.find((o, i) => list.findIndex((p) => p.number === o.number) !== i);
        if (twice) {
          const [first, second] = list.filter((o) => o.number === twice.number);
          const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
          ctx.addIssue({
            code: "custom",
            message: `Each objective needs its own number: "${short(first!.text)}" and "${short(second!.text)}" are both number ${twice.number}. Start each line with its number ("3. To ..."), one objective per line`,
          });
          return z.NEVER;
        }
        if (list.some((o) => !o.text)) {
          ctx.addIssue({ code: "custom", message: "Write the text of every numbered objective" });
          return z.NEVER;
        }
        return list;
      }),
  })
  .superRefine((v, ctx) => {
    // A date that could not be read is z.NEVER here (an object, not a string), and zod still runs
    // this refinement: comparing with it would add a wrong "ends before it starts" to the real error.
    if (typeof v.periodStart !== "string" || typeof v.periodEnd !== "string") return;
    if (v.periodEnd < v.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "The end date must be on or after the start date" });
  });
export type PlanDetails = z.infer<typeof planDetailsSchema>;

/** The objectives as the form shows them back. */
export const objectivesText = (objectives: PlanObjective[]) => objectives.map((o) => `${o.number}. ${o.text}`).join("\n");

/** A plan's legend from the settings form (see `parseLegendRows`): each status also says what it means. */
export function parseLegend(form: FormData): { ok: true; legend: PlanLegendEntry[] } | { ok: false; errors: Record<string, string> } {
  const { rows, errors } = parseLegendRows(form);
  for (const row of rows) {
    if (!STATUS_MEANINGS.includes(row.meaning as StatusMeaning)) errors[`meaning-${row.index}`] = "Select what the status means";
  }
  const legend = rows.map((r): PlanLegendEntry => ({ key: r.key, label: r.label, colour: r.colour, meaning: r.meaning as StatusMeaning }));
  if (!legend.length) errors["label-0"] = "The plan needs at least one status";
  else if (!legend.some((s) => s.meaning === "complete")) errors["meaning-0"] = "One status must mean complete, so overdue actions can be found";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, legend };
}

/** The form field of the box that confirms starting another plan from one already carried forward (carryForwardPlan). */
export const AGAIN_FIELD = "again";
