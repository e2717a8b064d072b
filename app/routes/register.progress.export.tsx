import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadRegisterRollup } from "~/domain/plans/register-rollup.server";
import { downloadGuarded } from "~/lib/http.server";
import { PROGRESS_COUNT_HEADERS, PROGRESS_DETAIL_HEADERS, progressCountCells, progressDetailCells } from "~/lib/register/progress-tabular";
import { requireActor } from "~/lib/session.server";
import { tableDownload } from "~/lib/tabular/download.server";
import { canSeeUptakeDetail } from "~/policies/plans";

/** CSV or XLSX of the register's progress in plans: per organisation for regional leads and admins, counts for everyone else. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  return downloadGuarded(async () => {
    const rollup = await loadRegisterRollup(context.database, actor);
    const name = `register-progress-${actor.active.collaborativeName}`;
    return canSeeUptakeDetail(actor.active.role)
      ? tableDownload(format, name, "Progress by organisation", PROGRESS_DETAIL_HEADERS, progressDetailCells(rollup))
      : tableDownload(format, name, "Progress in plans", PROGRESS_COUNT_HEADERS, progressCountCells(rollup));
  });
}
