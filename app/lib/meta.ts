import type { MetaDescriptor } from "@remix-run/node";

export const SERVICE_NAME = "PEFF equality intelligence";
const ERROR_PREFIX = "Error: ";

/**
 * A page title in the NHS pattern. The "Error: " that goes first while a page shows errors (so
 * screen readers hear it) is added by `ErrorSummary`: Remix gives `meta` the loader's data, never
 * the action's, so a title written here cannot know whether the form just failed.
 */
export function pageTitle(title: string): MetaDescriptor[] {
  return [{ title: `${title} – ${SERVICE_NAME}` }];
}

/** The title with the error prefix, once (for `ErrorSummary`). */
export function errorTitle(title: string): string {
  return title.startsWith(ERROR_PREFIX) ? title : `${ERROR_PREFIX}${title}`;
}

/** The title without the error prefix. */
export function plainTitle(title: string): string {
  return title.startsWith(ERROR_PREFIX) ? title.slice(ERROR_PREFIX.length) : title;
}
