import type { AnchorHTMLAttributes } from "react";
import type { EvidenceLink, LegendEntry, RowUpdate } from "#db/schema";
import { formatDate } from "~/lib/labels";
import { readableLink, type EvidenceTitles, type ReadableEvidenceLink } from "~/lib/register/evidence-titles";
import { evidenceHref } from "~/lib/register/links";
import type { RegisterRow } from "~/lib/register/model";
import { labelOf, type Choice, type RegisterOptions } from "~/lib/register/options";
import type { Column } from "./columns";
import { useCellTabIndex } from "./RegisterGrid";

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

export function TextView({ value }: { value: string }) {
  return <span className="register-text">{value || <span className="register-muted">Empty</span>}</span>;
}

/** Ticked codes as their labels (or as written, for free sets such as themes). */
export function SetView({ values, choices, free }: { values: string[]; choices: Choice[]; free?: boolean }) {
  if (!values.length) return <span className="register-muted">None</span>;
  return <span className="register-set">{values.map((v) => (free ? v : labelOf(choices, v))).join("; ")}</span>;
}

/**
 * An evidence link's title, as a link only when its address is safe to follow (see `evidenceHref`):
 * the shared documents hold whatever any member's client wrote, so an address is never trusted.
 * An item the reader cannot see is named, never linked: its page would only say "not found".
 */
export function EvidenceAnchor({ link, ...rest }: { link: ReadableEvidenceLink } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "children">) {
  const href = link.unreadable ? null : evidenceHref(link.url);
  if (!href) return <span>{link.title}</span>;
  return (
    <a href={href} {...rest}>
      {link.title}
    </a>
  );
}

/**
 * A cell's evidence links. With `titles` (the shared register), links to library items show the
 * titles the reader may see (see `readableLink`) rather than those stored in the document. In the
 * live grid they are reached through their cell, not by Tab (see `useCellTabIndex`).
 */
export function EvidenceList({ evidence, titles }: { evidence: EvidenceLink[]; titles?: EvidenceTitles }) {
  const tabIndex = useCellTabIndex();
  if (!evidence.length) return <span className="register-muted">None</span>;
  const shown = titles ? evidence.map((link) => readableLink(link, titles)) : evidence;
  return (
    <ul className="nhsuk-list register-compact">
      {shown.map((e, i) => (
        <li key={`${e.url}-${i}`}>
          <EvidenceAnchor link={e} tabIndex={tabIndex} rel="noreferrer noopener" target="_blank" />
        </li>
      ))}
    </ul>
  );
}

export function UpdatesList({ updates }: { updates: RowUpdate[] }) {
  if (!updates.length) return <span className="register-muted">None yet</span>;
  return (
    <ul className="nhsuk-list register-compact">
      {updates.map((u, i) => (
        <li key={`${u.at}-${i}`}>
          <strong>{formatDate(u.at)}</strong>, {u.authorName}: {u.text}
        </li>
      ))}
    </ul>
  );
}

export function registerChoices(options: RegisterOptions, field: string): Choice[] {
  return field === "characteristics" ? options.characteristics : field === "edsOutcomes" ? options.edsOutcomes : field === "psedAims" ? options.psedAims : [];
}

/** What a register cell shows when it is not being edited. */
export function CellView({ row, column, options, legend, titles }: { row: RegisterRow; column: Column; options: RegisterOptions; legend: LegendEntry[]; titles?: EvidenceTitles }) {
  switch (column.kind) {
    case "text":
      return <TextView value={row[column.field]} />;
    case "set":
      return <SetView values={row[column.field]} choices={registerChoices(options, column.field)} free={column.free} />;
    case "status":
      return <StatusTag status={row.status} legend={legend} />;
    case "evidence":
      return <EvidenceList evidence={row.evidence} titles={titles} />;
    case "updates":
      return <UpdatesList updates={row.updates} />;
    case "actions":
      return null;
  }
}
