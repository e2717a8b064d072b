import type { RecommendationsPreview } from "~/domain/evidence/import-recommendations-preview";
import { formatDate } from "~/lib/labels";

/**
 * A row's recommendations in the import's check step, as they will be stored: how many, then each
 * in an ordered list (so "2." in the file's numbered columns is the second item read out) with whom
 * it is addressed to, its response due date and its response, where the file gives them.
 */
export function PreviewRecommendations({ preview }: { preview: RecommendationsPreview }) {
  if (!preview.count) return <>No recommendations</>;
  const more = preview.count - preview.recommendations.length;
  return (
    <>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{preview.count === 1 ? "1 recommendation" : `${preview.count} recommendations`}</p>
      <ol className="nhsuk-list nhsuk-list--number nhsuk-body-s nhsuk-u-margin-bottom-1">
        {preview.recommendations.map((r, i) => {
          const details = [r.addressedTo ? `Addressed to: ${r.addressedTo}` : "", r.responseDue ? `Response due: ${formatDate(r.responseDue)}` : "", r.response ? `Response: ${r.response}` : ""].filter(Boolean);
          return (
            <li key={i} className="peff-preview-finding">
              {r.text}
              {details.length ? (
                <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                  {details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      {more > 0 ? <p className="nhsuk-body-s">and {more === 1 ? "1 more recommendation" : `${more} more recommendations`}</p> : null}
    </>
  );
}
