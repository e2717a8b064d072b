import { Link } from "@remix-run/react";
import type { ScreenTable } from "~/domain/compare/screen-table";
import { GradeTag } from "~/components/grading/GradeTag";
import { TableRegion } from "~/components/TableRegion";

/**
 * An accessible comparison table: a caption, column headers (sortable where the view allows, with
 * aria-sort), the first cell of each row as its row header, grades as words with a colour swatch,
 * bars as a second cue, and every graded cell a link to the grade's rationale.
 */
export function ScreenTableView({ table, sortHref, sort, dir }: { table: ScreenTable; sortHref?: (key: string) => string; sort?: string; dir?: "asc" | "desc" }) {
  return (
    <TableRegion label={table.caption}>
      <table className="nhsuk-table peff-compare-table">
        <caption className="nhsuk-table__caption">{table.caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {table.headers.map((h, i) => {
              const key = table.sortKeys?.[i];
              const active = key && key === sort;
              return (
                <th key={h} scope="col" className="nhsuk-table__header" aria-sort={active ? (dir === "desc" ? "descending" : "ascending") : undefined}>
                  {key && sortHref ? (
                    <Link to={sortHref(key)}>
                      {h}
                      <span className="nhsuk-u-visually-hidden">{active ? `, sorted ${dir === "desc" ? "descending" : "ascending"}; choose to reverse` : ", choose to sort"}</span>
                      {active ? <span aria-hidden="true">{dir === "desc" ? " ▼" : " ▲"}</span> : null}
                    </Link>
                  ) : (
                    h
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {table.rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.key}>
              {row.cells.map((cell, i) => {
                const content = (
                  <>
                    {cell.colour ? <GradeTag text={cell.text} colour={cell.colour} /> : cell.text}
                    {cell.bar !== undefined ? (
                      <span className="peff-bar" aria-hidden="true">
                        <span className="peff-bar__fill" style={{ width: `${Math.round(cell.bar * 100)}%`, background: cell.colour ?? "#005eb8" }} />
                      </span>
                    ) : null}
                  </>
                );
                const inner = cell.href ? <Link to={cell.href}>{content}</Link> : content;
                return i === 0 ? (
                  <th key={i} scope="row" className="nhsuk-table__header">
                    {inner}
                  </th>
                ) : (
                  <td key={i} className="nhsuk-table__cell">
                    {inner}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes?.map((n) => (
        <p key={n} className="nhsuk-body-s">
          {n}
        </p>
      ))}
    </TableRegion>
  );
}
