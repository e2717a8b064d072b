import type { RegisterRow } from "./model";

export interface RowView {
  filter: string;
  status: string;
  sort: "shared" | "barrier" | "status";
}

/**
 * Filtering and sorting are a personal view over the shared rows: they never change the
 * document, so nobody's edits are lost or reordered for others.
 */
export function viewRows(rows: RegisterRow[], view: RowView, statusOrder: string[]): RegisterRow[] {
  const needle = view.filter.trim().toLowerCase();
  let out = rows.filter((r) => {
    if (view.status === "none" && r.status) return false;
    if (view.status && view.status !== "none" && r.status !== view.status) return false;
    if (!needle) return true;
    const haystack = [r.barrier, r.issue, r.identifiedBy, r.leadOrganisation, r.contactRole, ...r.characteristics, ...r.themes, ...r.edsOutcomes, ...r.updates.map((u) => u.text)]
      .join(" ")
      .toLowerCase();
    return haystack.includes(needle);
  });
  if (view.sort === "barrier") out = [...out].sort((a, b) => a.barrier.localeCompare(b.barrier, "en-GB"));
  if (view.sort === "status") {
    const rank = (s: string | null) => (s ? statusOrder.indexOf(s) : statusOrder.length);
    out = [...out].sort((a, b) => rank(a.status) - rank(b.status));
  }
  return out;
}
