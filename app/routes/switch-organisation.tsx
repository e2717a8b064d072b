import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { switchActiveContext } from "~/domain/auth/switch-context.server";
import { pageAfterSwitch } from "~/lib/page-after-switch";
import { requireActor, safeRedirect } from "~/lib/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const result = await switchActiveContext(context.database, actor, String(form.get("context") ?? ""));
  if (!result.ok) throw data({ message: result.reason }, { status: 403 });
  // The same page, now showing the other organisation, unless it is one of the old one's records.
  throw redirect(pageAfterSwitch(safeRedirect(form.get("redirectTo"))));
}

export function loader() {
  throw redirect("/");
}
