import { toCsv, type Cell } from "./csv";
import { toXlsx } from "./xlsx.server";

export type ExportFormat = "csv" | "xlsx";

/** A download holds the same data as the page it came from, and is kept no more than it (see app/entry.server.tsx). */
const NOT_KEPT = { "Cache-Control": "private, no-store" };

/** A file download of a table, as CSV or XLSX. `filename` is without extension. */
export async function tableDownload(format: ExportFormat, filename: string, sheetName: string, headers: string[], rows: Cell[][]): Promise<Response> {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "export";
  if (format === "csv") {
    return new Response(toCsv(headers, rows), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${safe}.csv"`, ...NOT_KEPT },
    });
  }
  const body = await toXlsx([{ name: sheetName, headers, rows }]);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${safe}.xlsx"`,
      ...NOT_KEPT,
    },
  });
}
