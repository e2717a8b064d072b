import type { LegendEntry } from "#db/schema";
import { formatDate } from "~/lib/labels";
import type { RegisterRow } from "~/lib/register/model";
import { labelOf, type RegisterOptions } from "~/lib/register/options";
import type { Column } from "./columns";

const TAG: Record<LegendEntry["colour"], string> = {
  blue: "nhsuk-tag--blue",
  green: "nhsuk-tag--green",
  amber: "nhsuk-tag--orange",
  red: "nhsuk-tag--red",
  grey: "nhsuk-tag--grey",
  purple: "nhsuk-tag--purple",
};

/** A status as its label in a coloured tag, with the colour's name written too: never colour alone. */
export function StatusTag({ status, legend }: { status: string | null; legend: LegendEntry[] }) {
  const entry = legend.find((s) => s.key === status);
  if (!entry) return <span className="register-muted">No status</span>;
  return (
    <strong className={`nhsuk-tag ${TAG[entry.colour]}`}>
      {entry.label} <span className="register-colour-name">({entry.colour})</span>
    </strong>
  );
}

/** What a cell shows when it is not being edited. */
export function CellView({ row, column, options, legend }: { row: RegisterRow; column: Column; options: RegisterOptions; legend: LegendEntry[] }) {
  switch (column.kind) {
    case "text":
      return <span className="register-text">{row[column.field] || <span className="register-muted">Empty</span>}</span>;
    case "set": {
      const values = row[column.field];
      if (!values.length) return <span className="register-muted">None</span>;
      const choices = column.field === "characteristics" ? options.characteristics : column.field === "edsOutcomes" ? options.edsOutcomes : options.psedAims;
      return <span>{values.map((v) => (column.free ? v : labelOf(choices, v))).join("; ")}</span>;
    }
    case "status":
      return <StatusTag status={row.status} legend={legend} />;
    case "evidence":
      return row.evidence.length ? (
        <ul className="nhsuk-list register-compact">
          {row.evidence.map((e, i) => (
            <li key={`${e.url}-${i}`}>
              <a href={e.url} tabIndex={-1} rel="noreferrer noopener" target="_blank">
                {e.title}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <span className="register-muted">None</span>
      );
    case "updates":
      return row.updates.length ? (
        <ul className="nhsuk-list register-compact">
          {row.updates.map((u, i) => (
            <li key={`${u.at}-${i}`}>
              <strong>{formatDate(u.at)}</strong>, {u.authorName}: {u.text}
            </li>
          ))}
        </ul>
      ) : (
        <span className="register-muted">None yet</span>
      );
    case "actions":
      return null;
  }
}
