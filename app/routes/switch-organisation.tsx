import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { switchActiveContext } from "~/domain/auth/switch-context.server";
import { requireActor, safeRedirect } from "~/lib/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const result = await switchActiveContext(context.database, actor, String(form.get("context") ?? ""));
  if (!result.ok) throw data({ message: result.reason }, { status: 403 });
  // Pages are per organisation, so go back to the same page, now showing the other organisation.
  throw redirect(safeRedirect(form.get("redirectTo")));
}

export function loader() {
  throw redirect("/");
}
