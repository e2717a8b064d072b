import { LiveOnly } from "~/components/WithoutJavaScript";
import { PLAN_FILTERS, summaryText, type PlanCounts, type PlanFilter } from "./progress";

/** "12 actions, 2 overdue, 1 slipped", and a personal filter to show only those (with JavaScript: it filters in the page). */
export function PlanSummary({ counts, filter, onFilter, shown }: { counts: PlanCounts; filter: PlanFilter; onFilter(f: PlanFilter): void; shown: number }) {
  return (
    <div className="plan-summary">
      <p className="nhsuk-body-l plan-summary-line" data-testid="plan-summary">
        <strong>{summaryText(counts)}</strong>
      </p>
      <LiveOnly>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="plan-filter">
            Show
          </label>
          <select id="plan-filter" className="nhsuk-select" value={filter} onChange={(e) => onFilter(e.target.value as PlanFilter)}>
            {PLAN_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </LiveOnly>
      {filter !== "all" ? <p className="nhsuk-body-s">{`Showing ${shown} of ${counts.total} actions.`}</p> : null}
    </div>
  );
}
