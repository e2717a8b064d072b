import type { AssessmentView } from "~/domain/grading/get-assessment.server";
import { TableRegion } from "~/components/TableRegion";
import { scaleLabel } from "~/policies/assessment-results";
import { suggestEds2Grade } from "~/policies/grade-suggestion";

type View = Pick<AssessmentView, "framework" | "suggestions">;

const lacks = (l: ("evidence" | "plan")[]) => (l.length === 2 ? "evidence and a plan action" : l[0] === "evidence" ? "evidence" : "a plan action");

/**
 * The suggested EDS2 grade per outcome, with the arithmetic shown: which protected characteristics
 * have both evidence and a plan action for the outcome, and what each missing one lacks. Advice
 * only: the agreed grade is the organisation's decision.
 */
export function Suggestions({ view }: { view: View }) {
  const { framework, suggestions } = view;
  if (framework.code !== "EDS2") return null;
  const explanation =
    "The suggestion counts the protected characteristics with evidence tagged to each outcome (your own and shared evidence) and an action in your plans serving it: 3 to 5 suggests Developing, 6 to 8 Achieving; all nine, consider Excelling. The agreed grade is always your decision.";
  if (!suggestions.available) {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          {suggestions.reason === "sources-missing"
            ? `Suggested grades appear once evidence is tagged to outcomes and characteristics and plan actions name the outcomes they serve. ${explanation}`
            : "Suggested grades are shown to the organisation itself: they count its private plans."}
        </p>
      </div>
    );
  }
  return (
    <section aria-labelledby="suggestions-heading" className="peff-no-print">
      <h2 id="suggestions-heading">Suggested grades</h2>
      <p>{explanation}</p>
      <TableRegion label="Suggested grade for each outcome">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Suggested grade for each outcome, and the characteristics behind it</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Outcome</th>
              <th scope="col" className="nhsuk-table__header">Suggested</th>
              <th scope="col" className="nhsuk-table__header">With evidence and a plan action</th>
              <th scope="col" className="nhsuk-table__header">Missing</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {framework.groups.flatMap((g) =>
              g.outcomes.map((o) => {
                const input = suggestions.byOutcome[o.id] ?? { evidence: [], plans: [] };
                const s = suggestEds2Grade({ characteristics: suggestions.characteristics, evidenceCharacteristicIds: input.evidence, planCharacteristicIds: input.plans });
                return (
                  <tr className="nhsuk-table__row" key={o.id}>
                    <th scope="row" className="nhsuk-table__header">
                      {o.code} {o.title}
                    </th>
                    <td className="nhsuk-table__cell">
                      {scaleLabel(framework, s.value)} ({s.covered.length} of 9)
                      {s.considerExcelling ? <span className="nhsuk-u-display-block">Consider Excelling</span> : null}
                    </td>
                    <td className="nhsuk-table__cell">{s.covered.join(", ") || "None"}</td>
                    <td className="nhsuk-table__cell">
                      {s.missingDetail.length ? (
                        <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
                          {s.missingDetail.map((m) => (
                            <li key={m.name}>
                              {m.name}: no {lacks(m.lacks)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "None"
                      )}
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
