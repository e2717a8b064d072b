import { Link } from "@remix-run/react";

export interface LinkedEvidenceProps {
  evidence: { id: string; title: string; orgName: string; shared: boolean; href: string }[];
  privateEvidence: { orgName: string; count: number }[];
}

/**
 * A grade's linked evidence: a link to each item the reader can see, and for items they cannot
 * (another organisation's private evidence) only how many there are and whose: never a title.
 */
export function EvidenceLinks({ evidence, privateEvidence, label }: LinkedEvidenceProps & { label: string }) {
  if (!evidence.length && !privateEvidence.length) return <span className="nhsuk-u-secondary-text-colour">None linked</span>;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0 peff-grade-evidence" aria-label={label}>
      {evidence.map((e) => (
        <li key={e.id} className="nhsuk-u-margin-bottom-1">
          <Link to={e.href}>{e.title}</Link>
          <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
            {e.orgName}
            {e.shared ? ", shared" : ", private"}
          </span>
        </li>
      ))}
      {privateEvidence.map((p) => (
        <li key={p.orgName} className="nhsuk-u-margin-bottom-1">
          {p.count} private {p.count === 1 ? "item" : "items"} of {p.orgName}
        </li>
      ))}
    </ul>
  );
}
