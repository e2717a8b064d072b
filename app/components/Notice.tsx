import type { ReactNode } from "react";

/** A success banner after an action (NHS notification banner, success variant), announced politely. */
export function SuccessBanner({ title = "Success", children }: { title?: string; children: ReactNode }) {
  return (
    <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="success-banner-title" data-module="nhsuk-notification-banner">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="success-banner-title">
          {title}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** The NHS warning callout: something the reader must know before they act (it cannot be undone, say). */
export function WarningCallout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span className="nhsuk-u-visually-hidden">Important: </span>
        {title}
      </h2>
      {children}
    </div>
  );
}

/** Information the reader needs about what the page shows: what it could not use of the address, and what it shows instead. */
export function InformationNotices({ notices }: { notices: string[] }) {
  if (!notices.length) return null;
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {notices.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}
