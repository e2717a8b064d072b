import { exportRows, type ScreenTable } from "~/domain/compare/screen-table";
import { tableDownload } from "./download.server";

/**
 * The download of a screen table when the URL asks for `format=csv|xlsx`, else null. `footer`
 * lines (a published summary's alternative-format notice and contact details) follow the table
 * after a blank row, as they follow it on the page.
 */
export async function screenTableDownload(url: URL, table: ScreenTable | null, filename: string, footer: string[] = []): Promise<Response | null> {
  const format = url.searchParams.get("format");
  if (format !== "csv" && format !== "xlsx") return null;
  const { headers, rows } = table ? exportRows(table) : { headers: ["No published grades"], rows: [] };
  if (footer.length) rows.push([], ...footer.map((line) => [line]));
  return tableDownload(format, filename, table?.caption.slice(0, 31) ?? "Export", headers, rows);
}
