import type { SetField, TextField } from "~/lib/register/model";

/**
 * A grid column, whatever the document: `kind` picks how its cells are shown and edited (the
 * grid itself only knows "actions", the move and delete buttons). `readable` columns open their
 * panel for people who cannot edit too (to read a history or follow a link).
 */
export interface GridColumn {
  id: string;
  label: string;
  kind: string;
  readable?: boolean;
}

export type ColumnKind =
  | { kind: "text"; field: TextField; long: boolean }
  | { kind: "set"; field: SetField; free?: boolean }
  | { kind: "status" }
  | { kind: "evidence" }
  | { kind: "updates" }
  | { kind: "actions" };

export type Column = { id: string; label: string } & ColumnKind;

/** The register's columns, in the seed's order (Appendix B), plus row actions. */
export const COLUMNS: Column[] = [
  { id: "characteristics", label: "Characteristics or groups", kind: "set", field: "characteristics" },
  { id: "barrier", label: "Barrier", kind: "text", field: "barrier", long: true },
  { id: "issue", label: "Issue at play", kind: "text", field: "issue", long: true },
  { id: "identifiedBy", label: "How identified", kind: "text", field: "identifiedBy", long: true },
  { id: "evidence", label: "Supporting evidence", kind: "evidence" },
  { id: "edsOutcomes", label: "EDS outcomes", kind: "set", field: "edsOutcomes" },
  { id: "psedAims", label: "PSED aims", kind: "set", field: "psedAims" },
  { id: "themes", label: "Themes", kind: "set", field: "themes", free: true },
  { id: "leadOrganisation", label: "Lead organisation", kind: "text", field: "leadOrganisation", long: false },
  { id: "contactRole", label: "Contact role", kind: "text", field: "contactRole", long: false },
  { id: "status", label: "Status", kind: "status" },
  { id: "updates", label: "Updates", kind: "updates" },
  { id: "actions", label: "Row actions", kind: "actions" },
];
