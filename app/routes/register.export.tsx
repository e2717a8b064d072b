import type { LoaderFunctionArgs } from "@remix-run/node";
import { listRegisterRows } from "~/domain/register/list-register-rows.server";
import { downloadGuarded } from "~/lib/http.server";
import { rowCells, REGISTER_HEADERS } from "~/lib/register/tabular";
import { requireActor } from "~/lib/session.server";
import { tableDownload } from "~/lib/tabular/download.server";

/** CSV or XLSX download of the register, from its SQL projection. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  return downloadGuarded(async () => {
    const { register, rows } = await listRegisterRows(context.database, actor);
    const cells = rows.map((r) => rowCells(r, register.options, register.legend));
    return tableDownload(format, `barrier-register-${actor.active.collaborativeName}`, "Barrier register", [...REGISTER_HEADERS], cells);
  });
}
