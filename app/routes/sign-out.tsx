import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/domain/auth/sign-out.server";
import { resolveRequest } from "~/lib/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const resolution = await resolveRequest(request, context);
  const sessionId = resolution.status === "signed-in" ? resolution.actor.sessionId : null;
  const cookie = await signOut(context.database, context.config, sessionId);
  throw redirect("/sign-in?reason=signed-out", { headers: { "Set-Cookie": cookie } });
}

export function loader() {
  throw redirect("/");
}
