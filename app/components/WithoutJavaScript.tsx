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
 * Why the page cannot be changed here, and what the person can do instead (`children`: list
 * items, each a link that works without JavaScript). `consequence` finishes the sentence "…, so
 * <consequence>.".
 *
 * Two cases. JavaScript turned off: a `<noscript>` block, shown at once. JavaScript on but the
 * page's scripts never arrive (a blocked or failed download, a proxy stripping them): no script
 * can say so, so the server draws a second block that the stylesheet keeps hidden for a while and
 * then reveals (`.peff-scripts-late` in app.css), unless the browser reports scripting off, when
 * the first block already says it. Hydration removes it, so a page whose scripts load never
 * shows it.
 */
export function WithoutJavaScript({ consequence, children }: { consequence: string; children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <>
      <noscript>
        <Explanation testId="without-javascript" reason="JavaScript is turned off in your browser" consequence={consequence}>
          {children}
        </Explanation>
      </noscript>
      {hydrated ? null : (
        <div className="peff-scripts-late">
          <Explanation testId="scripts-not-loaded" reason="This page's scripts have not loaded (reloading the page may help)" consequence={consequence}>
            {children}
          </Explanation>
        </div>
      )}
    </>
  );
}

function Explanation({ testId, reason, consequence, children }: { testId: string; reason: string; consequence: string; children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text" data-testid={testId}>
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        {reason}, so {consequence}.
      </p>
      <p>Without JavaScript you can:</p>
      <ul className="nhsuk-list nhsuk-list--bullet">{children}</ul>
    </div>
  );
}
