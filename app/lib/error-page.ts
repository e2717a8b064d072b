/** A link the error page offers in place of what was refused: what the person can do instead. */
export interface NextStep {
  href: string;
  text: string;
}

/** Why something is refused, and what the person can do instead (shown as links under the reason). */
export interface Refusal {
  message: string;
  instead: NextStep[];
}

/** The next steps in an error answer's payload (`{ message, instead }`, see guarded), ignoring anything that is not one. */
export function nextStepsOf(data: unknown): NextStep[] {
  const instead = data && typeof data === "object" && "instead" in data ? (data as { instead: unknown }).instead : null;
  if (!Array.isArray(instead)) return [];
  return instead.filter((s): s is NextStep => typeof s?.href === "string" && s.href.startsWith("/") && typeof s.text === "string");
}

/**
 * The heading of the page shown when a page cannot be drawn or a form cannot be acted on, by
 * HTTP status. "There is a problem with the service" is for the service's own failures (5xx)
 * only: a refusal the person can do something about (a conflict, too many attempts) says what
 * kind of refusal it is, and the page's message says why.
 */
export function errorPageTitle(status: number): string {
  switch (status) {
    case 404:
      return "Page not found";
    case 403:
      return "You do not have access to this page";
    case 410:
      return "This link is no longer valid";
    case 409:
      return "This cannot be done at the moment";
    case 413:
      return "The file is too large";
    case 429:
      return "Too many attempts";
    default:
      return status >= 500 ? "Sorry, there is a problem with the service" : "This cannot be done";
  }
}
