import type { FindingsPreview } from "~/domain/evidence/import-findings-preview";
import { FINDING_KIND_LABELS } from "~/domain/evidence/labels";

/**
 * A row's findings in the import's check step, as they will be stored: how many, then each in an
 * ordered list (so "Finding 2" in the file is the second item read out) with its tags named by
 * kind in words. A quote says so; a key issue, what a finding is unless the file says otherwise,
 * goes unremarked, as in the download. Long rows are cut to their first findings, saying how many more there are.
 */
export function PreviewFindings({ preview }: { preview: FindingsPreview }) {
  if (!preview.count) return <>No findings</>;
  const more = preview.count - preview.findings.length;
  return (
    <>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{preview.count === 1 ? "1 finding" : `${preview.count} findings`}</p>
      <ol className="nhsuk-list nhsuk-list--number nhsuk-body-s nhsuk-u-margin-bottom-1">
        {preview.findings.map((f, i) => (
          <li key={i} className="peff-preview-finding">
            {f.text}
            {f.tags.length || f.kind !== "issue" ? (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {f.kind !== "issue" ? <li>Kind: {FINDING_KIND_LABELS[f.kind]}</li> : null}
                {f.tags.map((t) => (
                  <li key={t.kind}>
                    {t.kind}: {t.names.join("; ")}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {more > 0 ? <p className="nhsuk-body-s">and {more === 1 ? "1 more finding" : `${more} more findings`}</p> : null}
    </>
  );
}
