import type { FindingsPreview } from "~/domain/evidence/import-findings-preview";
import type { RecommendationsPreview } from "~/domain/evidence/import-recommendations-preview";
import { useErrorTitle } from "~/lib/use-error-title";
import { PreviewFindings } from "./PreviewFindings";
import { PreviewRecommendations } from "./PreviewRecommendations";

/** A sample row: its cells as typed, or (the evidence import's Findings and Recommendations) what will be stored. */
export type SampleRow = { line: number; cells: (string | FindingsPreview | RecommendationsPreview)[] };

/**
 * The preview of an import: every invalid row with its line number and reasons, then a sample of
 * the valid rows. `confirmable`: the only problems are names the person can confirm below.
 */
export function ImportPreview({ invalid, valid, sampleHeaders, sample, noun, confirmable = false }: { invalid: { line: number; reasons: string[] }[]; valid: number; sampleHeaders: string[]; sample: SampleRow[]; noun: string; confirmable?: boolean }) {
  useErrorTitle(invalid.length > 0);
  return (
    <>
      <p role="status" data-testid="import-summary">
        {valid} {valid === 1 ? "row is" : "rows are"} ready to import; {invalid.length} {invalid.length === 1 ? "row has" : "rows have"} problems.
      </p>
      {invalid.length ? (
        <div className="nhsuk-error-summary" aria-labelledby="import-problems" role="alert">
          <h2 className="nhsuk-error-summary__title" id="import-problems">
            {confirmable ? "Confirm the new theme names before importing" : "Nothing will be imported until every row is valid"}
          </h2>
          <div className="nhsuk-error-summary__body">
            {confirmable ? (
              <p>
                These rows name new themes that may be personal data. <a href="#theme-confirmations">Tick each name that is not about a person</a>, or change it in your file and upload it again.
              </p>
            ) : (
              <p>Fix these rows in your file and upload it again, or change the column matching.</p>
            )}
            <ul className="nhsuk-list nhsuk-error-summary__list" data-testid="import-errors">
              {invalid.map((r) => (
                <li key={r.line}>
                  Line {r.line}: {r.reasons.join("; ")}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {sample.length ? (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focusable so keyboard users can scroll a wide table
        <div className="peff-table-scroll" role="region" aria-labelledby="import-sample" tabIndex={0}>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption" id="import-sample">
              The first {sample.length} {noun} as they will be imported
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Line</th>
                {sampleHeaders.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {sample.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  {r.cells.map((c, i) => (
                    <td key={i}>{typeof c === "string" ? c : "findings" in c ? <PreviewFindings preview={c} /> : <PreviewRecommendations preview={c} />}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
