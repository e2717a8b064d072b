import type { GridColumn } from "~/components/register/columns";
import type { PlanSetField, PlanTextField } from "~/lib/plan/model";

export type PlanColumn = GridColumn &
  (
    | { kind: "text"; field: PlanTextField; long: boolean }
    | { kind: "set"; field: PlanSetField }
    | { kind: "due" | "updates" | "status" | "evidence" | "steps" | "source" | "actions" }
  );

/** A plan's columns in seed 002's order (Appendix B), then Appendix C's steps, risks and the source. */
export const PLAN_COLUMNS: PlanColumn[] = [
  { id: "characteristics", label: "Characteristics or groups", kind: "set", field: "characteristics" },
  { id: "barrier", label: "Barrier", kind: "text", field: "barrier", long: true },
  { id: "issue", label: "Issue at play", kind: "text", field: "issue", long: true },
  { id: "action", label: "Action", kind: "text", field: "action", long: true },
  { id: "responsibleOfficer", label: "Responsible officer", kind: "text", field: "responsibleOfficer", long: false },
  { id: "owner", label: "Named owner", kind: "text", field: "owner", long: false },
  { id: "due", label: "Due date", kind: "due", readable: true },
  { id: "updates", label: "Updates", kind: "updates" },
  { id: "edsOutcomes", label: "EDS outcomes", kind: "set", field: "edsOutcomes" },
  { id: "psedAims", label: "PSED aims", kind: "set", field: "psedAims" },
  { id: "objectives", label: "Equality objectives", kind: "set", field: "objectives" },
  { id: "status", label: "Status", kind: "status" },
  { id: "evidence", label: "Evidence", kind: "evidence" },
  { id: "steps", label: "Steps", kind: "steps" },
  { id: "risks", label: "Risks", kind: "text", field: "risks", long: true },
  { id: "mitigations", label: "Mitigations", kind: "text", field: "mitigations", long: true },
  { id: "source", label: "Source", kind: "source", readable: true },
  { id: "actions", label: "Row actions", kind: "actions" },
];
