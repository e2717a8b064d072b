import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSummary } from "~/domain/grading/get-summary.server";
import { downloadGuarded, plainAnswer } from "~/lib/http.server";
import { requireActor } from "~/lib/session.server";
import { screenTableDownload } from "~/lib/tabular/screen-export.server";

/** The published summary as CSV or XLSX: its table, then the alternative-format notice and contact details. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return downloadGuarded(async () => {
    const summary = await getSummary(context.database, actor, params.assessmentId!);
    const plan = summary.actionPlan?.rows.length
      ? ["EDS action plan", ...summary.actionPlan.rows.map((r) => r.cells.map((c) => c.text).join(" | "))]
      : [];
    const download = await screenTableDownload(new URL(request.url), summary.table, `${summary.orgName}-${summary.title}`, [...plan, ...summary.footer]);
    if (!download) throw plainAnswer("Ask for format=csv or format=xlsx", 404);
    return download;
  });
}
