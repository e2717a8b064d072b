import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ITEM_TYPES } from "#db/schema";
import { Select, TextInput } from "~/components/form/fields";
import { InformationNotices, SuccessBanner } from "~/components/Notice";
import { Snippet } from "~/components/evidence/Snippet";
import { policyActor } from "~/domain/auth/actor";
import { listFilterOptions } from "~/domain/evidence/filter-options.server";
import { filterProblems, filtersFrom, filtersQuery, hasFilters, MAX_PAGES, pagingOf, RANK_WINDOW, TOTAL_CAP, type EvidenceFilters } from "~/domain/evidence/filters";
import { ITEM_TYPE_LABELS } from "~/domain/evidence/labels";
import { hasVisibleItems } from "~/domain/evidence/has-visible-items.server";
import { searchItems } from "~/domain/evidence/search-items.server";
import { guarded } from "~/lib/http.server";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { pageNotices, readPage } from "~/lib/paging";
import { requireActor } from "~/lib/session.server";
import { canWriteEvidence } from "~/policies/evidence";
import { AddEvidenceHint } from "~/components/evidence/AddEvidenceHint";

export const meta: MetaFunction = () => pageTitle("Evidence");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const params = new URL(request.url).searchParams;
    const filters = filtersFrom(params);
    const [result, options] = await Promise.all([searchItems(context.database, actor, filters), listFilterOptions(context.database, actor)]);
    // Unfiltered, no result means no evidence; filtered, ask. With none at all there is nothing to search or filter.
    const searched = Boolean(filters.q) || hasFilters(filters) || filters.page > 1;
    const none = result.total === 0 && (!searched || !(await hasVisibleItems(context.database, actor)));
    return { filters, pageAsked: readPage(params), result, options, none, canWrite: canWriteEvidence(policyActor(actor)), activeOrgId: actor.active.orgId };
  });
}

export default function EvidenceList() {
  const { filters, pageAsked, result, options, none, canWrite, activeOrgId } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const paging = pagingOf(result.total, Boolean(filters.q));
  const { pages } = paging;
  const pastEnd = result.total > 0 && filters.page > pages;
  // Past the end has its own line below (with a link to the last page); here only a page that is no number, as page 1 is shown.
  const pageNotice = pageAsked.rejected !== undefined ? pageNotices(pageAsked, 1, pages) : [];
  const tagsOf = (kind: string) => options.tags.filter((t) => t.kind === kind).map((t) => ({ value: t.id, label: `${t.code} ${t.label}` }));
  const filtered = Boolean(filters.q) || hasFilters(filters as EvidenceFilters);
  const problems = filterProblems(filters);
  const heading = <ListHeading canWrite={canWrite} deleted={params.get("done") === "deleted"} />;
  if (none) {
    return (
      <>
        {heading}
        <InformationNotices notices={pageNotice} />
        <NoEvidence canWrite={canWrite} />
      </>
    );
  }
  return (
    <>
      {heading}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <Form method="get" role="search" aria-label="Search and filter evidence">
            <TextInput name="q" type="search" label="Search" hint="Words in the title, summary, findings or attached files" defaultValue={filters.q} />
            <Select name="source" label="Source" placeholder="Any source" options={options.sources.map((s) => ({ value: s.id, label: s.name }))} defaultValue={filters.sourceId ?? ""} />
            <Select name="type" label="Type" placeholder="Any type" options={ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_LABELS[t] }))} defaultValue={filters.type ?? ""} />
            <TextInput name="from" type="date" label="Published from" defaultValue={filters.from ?? ""} error={problems.from} />
            <TextInput name="to" type="date" label="Published to" defaultValue={filters.to ?? ""} error={problems.to} />
            <Select name="outcome" label="Outcome" placeholder="Any outcome" options={tagsOf("outcome")} defaultValue={filters.outcomeId ?? ""} />
            <Select name="characteristic" label="Characteristic or group" hint="Includes the groups that count toward it" placeholder="Any" options={tagsOf("characteristic")} defaultValue={filters.characteristicId ?? ""} />
            <Select name="psed" label="PSED aim" placeholder="Any aim" options={tagsOf("psed")} defaultValue={filters.psedId ?? ""} />
            <Select name="theme" label="Theme" placeholder="Any theme" options={tagsOf("theme")} defaultValue={filters.themeId ?? ""} />
            <Select name="concerns" label="Concerns organisation" placeholder="Any organisation" options={options.organisations.map((o) => ({ value: o.id, label: o.name }))} defaultValue={filters.concernedOrgId ?? ""} />
            <Select name="org" label="Owner organisation" placeholder="Any organisation" options={options.organisations.map((o) => ({ value: o.id, label: o.name }))} defaultValue={filters.ownerOrgId ?? ""} />
            <Select
              name="scope"
              label="Whose evidence"
              options={[
                { value: "all", label: "Ours and shared with the collaborative" },
                { value: "own", label: "Our organisation's only" },
                { value: "shared", label: "Shared with the collaborative only" },
              ]}
              defaultValue={filters.scope}
            />
            <button type="submit" className="nhsuk-button">
              Search
            </button>
            {filtered ? (
              <p>
                <Link to="/evidence">Clear search and filters</Link>
              </p>
            ) : null}
          </Form>
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <InformationNotices notices={pageNotice} />
          <p role="status" data-testid="result-count">
            {countText(result.total)}
            {filters.q ? ` for “${filters.q}”` : ""}
            {pages > 1 && !pastEnd ? `, page ${filters.page} of ${pages}` : ""}
          </p>
          {paging.bounded ? (
            <div className="nhsuk-inset-text" data-testid="result-bound">
              <p>
                {paging.capped ? `More than ${TOTAL_CAP.toLocaleString("en-GB")} items match` : `${result.total.toLocaleString("en-GB")} items match`}; only the first{" "}
                {TOTAL_CAP.toLocaleString("en-GB")} are listed here ({MAX_PAGES} pages). Refine the search with more words or filters, or download the list below.
              </p>
              {paging.windowed ? (
                <p>
                  The best matches are chosen from the {RANK_WINDOW.toLocaleString("en-GB")} most recent; the other matches follow, newest first.
                </p>
              ) : null}
            </div>
          ) : null}
          {pastEnd ? (
            <p data-testid="past-end">
              {filters.page > MAX_PAGES && paging.bounded ? `Pages stop at ${MAX_PAGES}. ` : `There is no page ${pageAsked.page.toLocaleString("en-GB")}. `}
              <Link to={`/evidence${filtersQuery({ ...(filters as EvidenceFilters), page: pages })}`}>Go to page {pages}</Link>
            </p>
          ) : null}
          {result.total > 0 ? (
            <p>
              Download this list: <a href={`/evidence/export${filtersQuery({ ...filters, page: 1 }) || "?"}&format=csv`}>CSV</a> ·{" "}
              <a href={`/evidence/export${filtersQuery({ ...filters, page: 1 }) || "?"}&format=xlsx`}>Excel (XLSX)</a>
            </p>
          ) : null}
          {result.total === 0 ? <EmptyState /> : null}
          <ul className="nhsuk-list peff-results">
            {result.hits.map((hit) => (
              <li key={hit.id} className="peff-result">
                <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  <Link to={`/evidence/${hit.id}`}>{hit.title}</Link>
                </h2>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1 peff-result__meta">
                  {ITEM_TYPE_LABELS[hit.type]}
                  {hit.sourceName ? ` from ${hit.sourceName}` : ""}
                  {hit.publishedOn ? `, ${formatDate(hit.publishedOn)}` : ""} · {hit.orgId === activeOrgId ? "Ours" : hit.orgName} ·{" "}
                  <strong className={`nhsuk-tag ${hit.shared ? "nhsuk-tag--green" : "nhsuk-tag--grey"}`}>{hit.shared ? "Shared" : "Private"}</strong>
                </p>
                <Snippet text={hit.snippet} />
              </li>
            ))}
          </ul>
          {pages > 1 && !pastEnd ? <Pagination filters={filters as EvidenceFilters} pages={pages} /> : null}
        </div>
      </div>
    </>
  );
}

function ListHeading({ canWrite, deleted }: { canWrite: boolean; deleted: boolean }) {
  return (
    <>
      {deleted ? <SuccessBanner>Evidence item deleted, with its findings, recommendations, files and history.</SuccessBanner> : null}
      <div className="peff-heading-row">
        <h1>Evidence</h1>
        <p className="peff-actions">
          {canWrite ? (
            <>
              <Link className="nhsuk-button nhsuk-u-margin-bottom-0" to="/evidence/new">
                Add evidence
              </Link>{" "}
              <Link to="/evidence/import">Import from a spreadsheet</Link> ·{" "}
            </>
          ) : null}
          <Link to="/evidence/recommendations">Recommendations to us</Link> · <Link to="/evidence/coverage">Coverage</Link> · <Link to="/evidence/sources">Sources</Link>
        </p>
      </div>
    </>
  );
}

/** "No evidence found", "1 item", "20 items", or "More than 1,000 items" when the count stopped at the cap. */
function countText(total: number): string {
  if (total === 0) return "No evidence found";
  if (pagingOf(total, false).capped) return `More than ${TOTAL_CAP.toLocaleString("en-GB")} items`;
  return `${total.toLocaleString("en-GB")} ${total === 1 ? "item" : "items"}`;
}

/** A search or filter that found nothing among the evidence there is (with none at all, NoEvidence is shown instead). */
function EmptyState() {
  return (
    <div className="nhsuk-inset-text">
      <p>Nothing matches this search. Try fewer or different words, remove a filter, or widen the dates.</p>
      <p>
        <Link to="/evidence">Show all the evidence you can see</Link>
      </p>
    </div>
  );
}

/** In place of the search form and results while the person can see no evidence at all: what evidence is, and the next step. */
function NoEvidence({ canWrite }: { canWrite: boolean }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>There is no evidence here yet.</p>
      <p>
        Evidence is what patients, communities and staff tell you about services: Healthwatch and Enter and View reports, surveys, complaints and PALS
        themes, community and staff network feedback. Its findings are tagged to EDS outcomes and protected characteristics, so they can support your
        grades, your plans and the shared barrier register. Your organisation’s items, and items other organisations share with the collaborative, will
        appear here.
      </p>
      <AddEvidenceHint canWrite={canWrite} />
    </div>
  );
}

function Pagination({ filters, pages }: { filters: EvidenceFilters; pages: number }) {
  const link = (page: number) => `/evidence${filtersQuery({ ...filters, page })}`;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pages of results">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {filters.page > 1 ? (
          <li className="nhsuk-pagination-item--previous">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={link(filters.page - 1)}>
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {filters.page - 1} of {pages}
              </span>
            </Link>
          </li>
        ) : null}
        {filters.page < pages ? (
          <li className="nhsuk-pagination-item--next">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={link(filters.page + 1)}>
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {filters.page + 1} of {pages}
              </span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
