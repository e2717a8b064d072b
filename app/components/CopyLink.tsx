import { useState } from "react";

/** A one-time link shown to be copied (an invitation, a password reset): read-only, with a copy button that says when it worked. */
export function CopyLink({ id, label, url }: { id: string; label: string; url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={id}>
          {label}
        </label>
        <textarea className="nhsuk-textarea peff-copy-value" id={id} readOnly rows={3} value={url} data-testid={id} />
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        Copy link
      </button>
      <p role="status" aria-live="polite">
        {copied ? "Link copied to the clipboard." : ""}
      </p>
    </>
  );
}
