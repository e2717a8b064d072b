import { isUuid } from "~/lib/ids";

/**
 * Where to go after switching organisation. Pages are per organisation, so the same page, now
 * showing the other organisation; but a page about one record (its address holds the record's
 * id: a plan, an assessment, a private evidence item) belongs to the organisation just left and
 * would answer "not found", so the list it belongs to instead ("/plans/<id>/settings" becomes
 * "/plans"). `to` is a path of this service (see `safeRedirect`).
 */
export function pageAfterSwitch(to: string): string {
  const path = to.split(/[?#]/, 1)[0]!;
  const segments = path.split("/");
  const at = segments.findIndex((s) => isUuid(s));
  if (at === -1) return to;
  const list = segments.slice(0, at).join("/");
  // An organisation's own pages ("/organisations/<id>/leave") have no list: the home page lists them.
  return list === "" || list === "/organisations" ? "/" : list;
}
