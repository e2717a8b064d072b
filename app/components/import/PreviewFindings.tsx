import type { FindingsPreview } from "~/domain/evidence/import-findings-preview";

/**
 * A row's findings in the import's check step, as they will be stored: how many, then each in an
 * ordered list (so "Finding 2" in the file is the second item read out) with its tags named by
 * kind in words. Long rows are cut to their first findings, saying how many more there are.
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
            {f.tags.length ? (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
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
