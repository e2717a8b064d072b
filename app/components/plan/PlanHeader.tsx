import { Link } from "@remix-run/react";
import type { PlanObjective } from "#db/schema";
import { formatDate } from "~/lib/labels";

interface PlanHeaderProps {
  id: string;
  orgName: string;
  title: string;
  kindLabel: string;
  periodStart: string;
  periodEnd: string;
  objectives: PlanObjective[];
  canEdit: boolean;
  canManage: boolean;
}

/** The plan's name, kind, period and numbered objectives, and where to import, download or print it. */
export function PlanHeader({ id, orgName, title, kindLabel, periodStart, periodEnd, objectives, canEdit, canManage }: PlanHeaderProps) {
  const base = `/plans/${id}`;
  return (
    <>
      <span className="nhsuk-caption-l">{orgName}</span>
      <h1>{title}</h1>
      <p className="nhsuk-body-l">
        {kindLabel}, {formatDate(periodStart)} to {formatDate(periodEnd)}
      </p>
      <ul className="nhsuk-list register-links">
        {canManage ? (
          <li>
            <Link to={`${base}/settings`}>Plan settings</Link>
          </li>
        ) : null}
        {canEdit ? (
          <li>
            <Link to={`${base}/import`}>Import actions from CSV or Excel</Link>
          </li>
        ) : null}
        <li>
          <a href={`${base}/export?format=csv`}>Download as CSV</a>
        </li>
        <li>
          <a href={`${base}/export?format=xlsx`}>Download as Excel (XLSX)</a>
        </li>
        <li>
          <Link to={`${base}/print`}>Published view</Link>
        </li>
      </ul>
      <h2 className="nhsuk-heading-m">Equality objectives</h2>
      {objectives.length ? (
        <ol className="nhsuk-list plan-objectives">
          {objectives.map((o) => (
            <li key={o.number}>
              <span className="plan-objective-number">{o.number}.</span> {o.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="nhsuk-body">
          This plan has no equality objectives yet.
          {canEdit ? " Add them in the plan settings." : ""}
        </p>
      )}
    </>
  );
}
