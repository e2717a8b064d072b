import type { AssessmentView } from "~/domain/grading/get-assessment.server";
import { formatScore } from "~/policies/eds2022-scoring";
import { scaleColour, scaleLabel } from "~/policies/assessment-results";
import { TableRegion } from "~/components/TableRegion";
import { GradeTag } from "./GradeTag";

type Serialised = Pick<AssessmentView, "framework" | "results" | "bands" | "bandSet">;

/** The arithmetic, shown rather than hidden: EDS 2022 service totals, domain scores and the band; EDS2 goals by the stored rule. */
export function Results({ view }: { view: Serialised }) {
  const { framework, results } = view;
  if (results.eds2022) {
    const r = results.eds2022;
    const d1 = framework.groups[0]!;
    return (
      <section aria-labelledby="overall" className="nhsuk-u-margin-bottom-6">
        <h2 id="overall">Scores and rating</h2>
        <h3 id="domain-1">Domain 1: {d1.name}, per service</h3>
        {r.services.length ? (
          <TableRegion label="Domain 1 scores per service">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Domain 1 scores per service</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">Service</th>
                  {d1.outcomes.map((o) => (
                    <th scope="col" className="nhsuk-table__header" key={o.id}>
                      {o.code} {o.title}
                    </th>
                  ))}
                  <th scope="col" className="nhsuk-table__header">Service total (0-12)</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {r.services.map((s) => (
                  <tr className="nhsuk-table__row" key={s.serviceId}>
                    <th scope="row" className="nhsuk-table__header">
                      {s.name}
                    </th>
                    {d1.outcomes.map((o) => {
                      const g = view.results.serviceScores?.[s.serviceId]?.[o.id];
                      return (
                        <td className="nhsuk-table__cell" key={o.id}>
                          {g === undefined ? "Not scored" : <GradeTag text={`${g} ${scaleLabel(framework, g)}`} colour={scaleColour(framework, g)} />}
                        </td>
                      );
                    })}
                    <td className="nhsuk-table__cell">{s.total}{s.complete ? "" : " (incomplete)"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : null}
        <dl className="nhsuk-summary-list">
          {r.domains.map((d) => (
            <div className="nhsuk-summary-list__row" key={d.code} id={d.code === "1" ? undefined : `domain-${d.code}`}>
              <dt className="nhsuk-summary-list__key">Domain {d.code} score</dt>
              <dd className="nhsuk-summary-list__value">
                <strong>{formatScore(d.score)}</strong>
                {d.complete ? "" : " (some outcomes not yet scored)"}
                <p className="peff-working nhsuk-body-s nhsuk-u-margin-bottom-0">{d.working}</p>
              </dd>
            </div>
          ))}
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Overall score</dt>
            <dd className="nhsuk-summary-list__value">
              <strong>{formatScore(r.overall)}</strong> of 33
              <p className="peff-working nhsuk-body-s nhsuk-u-margin-bottom-0">{r.working}</p>
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Rating</dt>
            <dd className="nhsuk-summary-list__value">
              {r.band ? <GradeTag text={r.band.label} colour={r.band.colour} /> : "No rating until every domain has a score"}
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                Bands (set &quot;{view.bandSet}&quot;): {view.bands.map((b) => `${b.label} ${b.minScore}-${b.maxScore}`).join("; ")}. A total ending in .5 (from a
                Domain 1 median) belongs to the band whose minimum it reaches.
              </p>
            </dd>
          </div>
        </dl>
      </section>
    );
  }
  const eds2 = results.eds2!;
  return (
    <section aria-labelledby="overall" className="nhsuk-u-margin-bottom-6">
      <h2 id="overall">Goal and overall grades</h2>
      <p className="peff-working nhsuk-body-s">
        Rule &quot;{framework.aggregationRule}&quot;: {framework.aggregationDescription}
      </p>
      <dl className="nhsuk-summary-list">
        {framework.groups.map((g, i) => {
          const v = eds2.goals[i]!.value;
          return (
            <div className="nhsuk-summary-list__row" key={g.id}>
              <dt className="nhsuk-summary-list__key">
                Goal {g.code}: {g.name}
              </dt>
              <dd className="nhsuk-summary-list__value">
                <GradeTag text={scaleLabel(framework, v)} colour={scaleColour(framework, v)} />
                {eds2.goals[i]!.complete ? "" : " (some outcomes not yet graded)"}
              </dd>
            </div>
          );
        })}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Overall</dt>
          <dd className="nhsuk-summary-list__value">
            <GradeTag text={scaleLabel(framework, eds2.overall)} colour={scaleColour(framework, eds2.overall)} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
