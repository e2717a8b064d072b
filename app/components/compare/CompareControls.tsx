import { Form, Link, useLocation } from "@remix-run/react";
import { InformationNotices } from "~/components/Notice";
import { ORGANISATION_TYPES } from "#db/schema";
import { ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { yearLabel } from "~/policies/grading";
import type { CompareFilters } from "~/domain/compare/compare-filters";

const VIEWS = [
  { href: "/compare/grid", label: "Organisations by outcome" },
  { href: "/compare/movement", label: "Year-on-year movement" },
  { href: "/compare/bands", label: "EDS 2022 scores and bands" },
  { href: "/compare/spread", label: "Spread per outcome" },
  { href: "/compare/coverage", label: "Evidence coverage beside grades" },
];

/** A view's empty state: what is missing, and who fills it and where (comparisons show published grades only). */
export function NothingPublished({ what, filters }: { what: string; filters: Pick<CompareFilters, "orgType" | "year"> }) {
  // Grades are published, just none by this type of organisation: the filter empties the view, not the collaborative.
  if (filters.orgType) {
    return (
      <p>
        No organisation of the type &ldquo;{ORGANISATION_TYPE_LABELS[filters.orgType]}&rdquo; has published grades{filters.year ? ` for ${yearLabel(filters.year)}` : ""}. Choose
        &ldquo;All types&rdquo; to see every organisation.
      </p>
    );
  }
  return (
    <p>
      {what} Grades appear here once an organisation&apos;s equality lead publishes an assessment from <Link to="/grading">Grading</Link>.
    </p>
  );
}

/** Links between the comparison views (the current one marked for assistive technology). */
export function CompareNav() {
  const { pathname } = useLocation();
  return (
    <nav aria-label="Comparison views" className="peff-no-print">
      <ul className="peff-subnav">
        {VIEWS.map((v) => (
          <li key={v.href}>
            <Link to={v.href} aria-current={pathname === v.href ? "page" : undefined}>
              {v.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The filters of a view as a GET form (shareable URLs), with the CSV and XLSX exports of what is
 * shown: a filter the view could not use is left out of the download link, and the year is the
 * one shown (the download refuses what the page only notes, so the links ask for the page's table),
 * and the page is left out (a download has every organisation);
 * `downloadable` is false while the view shows no table, so nothing empty is offered.
 */
export function CompareFilterForm({
  filters,
  years,
  notices = [],
  downloadable,
  frameworkChoice = true,
  yearChoice = true,
}: {
  filters: CompareFilters;
  years?: number[];
  notices?: string[];
  downloadable: boolean;
  frameworkChoice?: boolean;
  yearChoice?: boolean;
}) {
  const { search, pathname } = useLocation();
  const shownYear = yearChoice && filters.year ? filters.year : null;
  const exportHref = (format: string) => {
    const params = new URLSearchParams(search);
    for (const key of Object.keys(filters.rejected)) if (!(key === "year" && shownYear)) params.delete(key);
    if (shownYear) params.set("year", String(shownYear));
    // The download has every organisation, not the page shown (movement pages by organisation).
    params.delete("page");
    params.set("format", format);
    return `${pathname}/export?${params}`;
  };
  return (
    <div className="peff-no-print">
      {/* What the view could not use of the address's filters and page, and what it shows instead (filterNotices, pageNotices). */}
      <InformationNotices notices={notices} />
      <Form method="get" className="peff-filter-form">
        {frameworkChoice ? (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="framework">
              Framework
            </label>
            <select className="nhsuk-select" id="framework" name="framework" defaultValue={filters.framework}>
              <option value="EDS2022">EDS 2022</option>
              <option value="EDS2">EDS2</option>
            </select>
          </div>
        ) : null}
        {yearChoice && years ? (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="year">
              Year
            </label>
            <select className="nhsuk-select" id="year" name="year" defaultValue={filters.year ?? ""}>
              {years.length === 0 ? <option value="">No published years</option> : null}
              {years.map((y) => (
                <option key={y} value={y}>
                  {yearLabel(y)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="orgType">
            Organisation type
          </label>
          <select className="nhsuk-select" id="orgType" name="orgType" defaultValue={filters.orgType ?? ""}>
            <option value="">All types</option>
            {ORGANISATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {ORGANISATION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
      </Form>
      {downloadable ? (
        <p>
          Download this table: <a href={exportHref("csv")}>CSV</a> or <a href={exportHref("xlsx")}>Excel (XLSX)</a>
        </p>
      ) : null}
    </div>
  );
}
