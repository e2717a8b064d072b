import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadPlanForPublishing } from "~/domain/plans/export-plan.server";
import { downloadGuarded } from "~/lib/http.server";
import { actionCells, PLAN_EXPORT_HEADERS } from "~/lib/plan/tabular";
import { requireActor } from "~/lib/session.server";
import { tableDownload } from "~/lib/tabular/download.server";

/** CSV or XLSX of every action of the plan, from its SQL projection (any member of the organisation; others get 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  return downloadGuarded(async () => {
    const plan = await loadPlanForPublishing(context.database, actor, params.planId!);
    const rows = plan.actions.map((a) => actionCells(a, plan.options, plan.legend));
    return tableDownload(format, `${plan.title}-${actor.active.orgName}`, "Plan actions", [...PLAN_EXPORT_HEADERS], rows);
  });
}
