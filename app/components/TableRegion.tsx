import type { ReactNode } from "react";

/**
 * A wide table that may scroll sideways. The region is focusable and named so keyboard users can
 * scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="peff-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
