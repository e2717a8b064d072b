import { isUuid } from "~/lib/ids";
import { canWriteEvidence } from "~/policies/evidence";
import { canChangeBandSet, canManageAssessments } from "~/policies/grading";
import { canSeeMembersPage, type PolicyActor } from "~/policies/members";
import { canEditPlans } from "~/policies/plans";
import { canChangeRegisterLegend } from "~/policies/register";

/**
 * Pages only some roles may open, with where to go instead: switching from Members as an equality
 * lead to an organisation where one is a contributor would otherwise land on "You do not have
 * access to this page". Each rule is the one the page's loader applies.
 */
const ROLE_PAGES: { path: RegExp; may: (actor: PolicyActor) => boolean; instead: string }[] = [
  { path: /^\/members(\/|$)/, may: canSeeMembersPage, instead: "/" },
  { path: /^\/grading\/new$/, may: canManageAssessments, instead: "/grading" },
  { path: /^\/grading\/settings$/, may: canChangeBandSet, instead: "/grading" },
  { path: /^\/register\/legend$/, may: (a) => canChangeRegisterLegend(a.role), instead: "/register" },
  { path: /^\/plans\/new$/, may: (a) => canEditPlans(a.role), instead: "/plans" },
  { path: /^\/evidence\/(new|import)$/, may: canWriteEvidence, instead: "/evidence" },
];

/**
 * Where to go after switching organisation. Pages are per organisation, so the same page, now
 * showing the other organisation; but a page about one record (its address holds the record's
 * id: a plan, an assessment, a private evidence item) belongs to the organisation just left and
 * would answer "not found", so the list it belongs to instead ("/plans/<id>/settings" becomes
 * "/plans"). A page the role held there may not open (`ROLE_PAGES`) gives way the same way.
 * `to` is a path of this service (see `safeRedirect`); `next` is who the person acts as now.
 */
export function pageAfterSwitch(to: string, next?: PolicyActor): string {
  const path = to.split(/[?#]/, 1)[0]!;
  const segments = path.split("/");
  const at = segments.findIndex((s) => isUuid(s));
  const list = segments.slice(0, at).join("/");
  // An organisation's own pages ("/organisations/<id>/leave") have no list: the home page lists them.
  const page = at === -1 ? to : list === "" || list === "/organisations" ? "/" : list;
  const rule = next && ROLE_PAGES.find((r) => r.path.test(at === -1 ? path : page));
  return rule && !rule.may(next) ? rule.instead : page;
}
