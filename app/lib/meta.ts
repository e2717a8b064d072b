import type { MetaDescriptor } from "@remix-run/node";

export const SERVICE_NAME = "PEFF equality intelligence";

/** A page title in the NHS pattern; "Error: " first when the page shows errors, so screen readers hear it. */
export function pageTitle(title: string, hasErrors = false): MetaDescriptor[] {
  return [{ title: `${hasErrors ? "Error: " : ""}${title} – ${SERVICE_NAME}` }];
}
