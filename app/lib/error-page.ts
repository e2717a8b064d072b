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
