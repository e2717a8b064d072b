import { Link } from "@remix-run/react";

/** The next step where there is no evidence yet: the ways in for those who may add it, else who can. */
export function AddEvidenceHint({ canWrite }: { canWrite: boolean }) {
  return canWrite ? (
    <p>
      <Link to="/evidence/new">Add an item</Link> or <Link to="/evidence/import">import your tracker from a spreadsheet</Link>.
    </p>
  ) : (
    <p>Ask your equality lead or a contributor to add evidence.</p>
  );
}
