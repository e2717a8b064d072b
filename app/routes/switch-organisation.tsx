import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { contextKey } from "~/domain/auth/actor";
import { switchActiveContext } from "~/domain/auth/switch-context.server";
import { pageAfterSwitch } from "~/lib/page-after-switch";
import { requireActor, safeRedirect } from "~/lib/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const key = String(form.get("context") ?? "");
  const result = await switchActiveContext(context.database, actor, key);
  if (!result.ok) throw data({ message: result.reason }, { status: 403 });
  // The same page, now showing the other organisation, unless it is one of the old one's records
  // or a page the role there may not open.
  const next = actor.contexts.find((c) => contextKey(c) === key)!;
  throw redirect(pageAfterSwitch(safeRedirect(form.get("redirectTo")), { userId: actor.userId, orgId: next.orgId, collaborativeId: next.collaborativeId, role: next.role }));
}

export function loader() {
  throw redirect("/");
}
