import type { ReactNode } from "react";
import { useHydrated } from "~/lib/use-hydrated";

/**
 * What only works with JavaScript (a live document's connection line, who is here, editing
 * buttons, filters): left out of the page the server draws, so a browser without JavaScript shows
 * no control that does nothing and no "Connecting…" that never ends; shown once the page hydrates.
 */
export function LiveOnly({ children }: { children: ReactNode }) {
  return useHydrated() ? <>{children}</> : null;
}

/**
 * Shown only when JavaScript is off: why the page cannot be changed here, and what the person can
 * do instead (`children`: list items, each a link that works without JavaScript).
 */
export function WithoutJavaScript({ intro, children }: { intro: ReactNode; children: ReactNode }) {
  return (
    <noscript>
      <div className="nhsuk-inset-text" data-testid="without-javascript">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{intro}</p>
        <p>Without JavaScript you can:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">{children}</ul>
      </div>
    </noscript>
  );
}
