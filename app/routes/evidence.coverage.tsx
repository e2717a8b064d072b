import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AddEvidenceHint } from "~/components/evidence/AddEvidenceHint";
import { Select } from "~/components/form/fields";
import { policyActor } from "~/domain/auth/actor";
import { filtersQuery } from "~/domain/evidence/filters";
import { getCoverage } from "~/domain/evidence/get-coverage.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { canWriteEvidence } from "~/policies/evidence";

export const meta: MetaFunction = () => pageTitle("Evidence coverage");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const framework = new URL(request.url).searchParams.get("framework") === "EDS2" ? "EDS2" : "EDS2022";
    return {
      coverage: await getCoverage(context.database, actor, { framework }),
      orgName: actor.active.orgName,
      collaborativeName: actor.active.collaborativeName,
      canWrite: canWriteEvidence(policyActor(actor)),
    };
  });
}

/** A count as text first; the shade is a second cue only (gaps are also written as "Gap"). */
function Cell({ n, href, label }: { n: number; href: string | null; label: string }) {
  const level = n === 0 ? "gap" : n < 3 ? "thin" : "some";
  const text = n === 0 ? "Gap" : String(n);
  return (
    <td className={`peff-coverage__cell peff-coverage__cell--${level}`}>
      {href ? (
        <Link to={href} aria-label={`${text}: ${label}`}>
          {text}
        </Link>
      ) : (
        <span aria-label={`${text}: ${label}`}>{text}</span>
      )}
    </td>
  );
}

export default function Coverage() {
  const { coverage, orgName, collaborativeName, canWrite } = useLoaderData<typeof loader>();
  const { columns, outcomes, organisations, framework, items } = coverage;
  return (
    <>
      <Link to="/evidence" className="nhsuk-back-link">
        Back to evidence
      </Link>
      <h1>Evidence coverage</h1>
      <p>
        How many evidence items {orgName} can see (its own and those shared with the collaborative) carry each outcome and characteristic, on the item or any of its findings. Groups count toward their parent characteristic (D/deaf and BSL users toward
        disability). A <strong>gap</strong> means no evidence: people who share a protected characteristic complain and answer surveys less often, so gaps are findings too. Each number links to the items behind it.
      </p>
      {items === 0 ? (
        <div className="nhsuk-inset-text">
          <p>{orgName} can see no evidence yet, so every outcome and characteristic is a gap. Its own items and those other organisations share with the collaborative are counted here.</p>
          <AddEvidenceHint canWrite={canWrite} />
        </div>
      ) : (
        <>
          <Form method="get" className="peff-inline-form">
            <Select name="framework" label="Framework" options={[{ value: "EDS2022", label: "EDS 2022" }, { value: "EDS2", label: "EDS2" }]} defaultValue={framework.code} />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Show
            </button>
          </Form>
          <p className="nhsuk-body-s">Key: “Gap” = no items; 1–2 = thin; 3 or more = some evidence. Shading repeats this.</p>
          {/* Focusable so keyboard users can scroll a wide table (axe: scrollable-region-focusable). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div className="peff-table-scroll" role="region" aria-labelledby="coverage-outcomes" tabIndex={0}>
            <table className="nhsuk-table peff-coverage">
              <caption className="nhsuk-table__caption" id="coverage-outcomes">
                {framework.name}: outcomes by characteristic
              </caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Outcome</th>
                  {columns.map((c) => (
                    <th scope="col" key={c.id}>
                      {c.name}
                    </th>
                  ))}
                  <th scope="col">All items</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {outcomes.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      {o.code} {o.title}
                    </th>
                    {columns.map((c) => (
                      <Cell key={c.id} n={o.counts[c.id] ?? 0} href={`/evidence${filtersQuery({ outcomeId: o.id, characteristicId: c.id })}`} label={`${o.code} ${o.title}, ${c.name}`} />
                    ))}
                    <Cell n={o.total} href={`/evidence${filtersQuery({ outcomeId: o.id })}`} label={`${o.code} ${o.title}, all characteristics`} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {organisations?.some((o) => o.total > 0) ? (
        <>
          <h2>Organisations by characteristic across {collaborativeName}</h2>
          <p>
            Counts of every organisation’s evidence, private items included. You see the numbers only: private items stay readable by their own organisation alone. Numbers link to the items you can read (shared ones) for that organisation and
            characteristic.
          </p>
          {/* Focusable so keyboard users can scroll a wide table (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="peff-table-scroll" role="region" aria-labelledby="coverage-orgs" tabIndex={0}>
            <table className="nhsuk-table peff-coverage">
              <caption className="nhsuk-table__caption" id="coverage-orgs">
                Organisations by characteristic (all items, private included)
              </caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Organisation</th>
                  {columns.map((c) => (
                    <th scope="col" key={c.id}>
                      {c.name}
                    </th>
                  ))}
                  <th scope="col">All items (shared)</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {organisations.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">{o.name}</th>
                    {columns.map((c) => (
                      <Cell key={c.id} n={o.counts[c.id] ?? 0} href={`/evidence${filtersQuery({ ownerOrgId: o.id, characteristicId: c.id })}`} label={`${o.name}, ${c.name}`} />
                    ))}
                    <td>
                      {o.total} ({o.shared} shared)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
