import { useEffect, useRef } from "react";
import type { FieldErrors } from "~/lib/forms";
import { useErrorTitle } from "~/lib/use-error-title";

/**
 * The NHS error summary: receives focus when it appears so keyboard and screen-reader users land
 * on it, and links each message to its field. While it is shown the page's title starts with
 * "Error: " (see `pageTitle`).
 */
export function ErrorSummary({ errors, message, fieldIds = {} }: { errors?: FieldErrors; message?: string; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  const show = entries.length > 0 || Boolean(message);
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, errors, message]);
  useErrorTitle(show);
  if (!show) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        {message ? <p>{message}</p> : null}
        {entries.length > 0 ? (
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {entries.map(([field, text]) => (
              <li key={field}>
                <a href={`#${fieldIds[field] ?? field}`}>{text}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
