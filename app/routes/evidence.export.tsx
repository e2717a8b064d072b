import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportItems, EXPORT_HEADERS } from "~/domain/evidence/export-items.server";
import { filtersFrom } from "~/domain/evidence/filters";
import { downloadGuarded } from "~/lib/http.server";
import { requireActor } from "~/lib/session.server";
import { tableDownload } from "~/lib/tabular/download.server";

/** The filtered evidence list as a CSV or XLSX download (same filters as the list's URL). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return downloadGuarded(async () => {
    const params = new URL(request.url).searchParams;
    const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
    const rows = await exportItems(context.database, actor, filtersFrom(params), context.config.publicUrl);
    return tableDownload(format, `evidence-${new Date().toISOString().slice(0, 10)}`, "Evidence", EXPORT_HEADERS, rows);
  });
}
