import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import nhsukCss from "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css?url";
import favicon from "nhsuk-frontend/dist/nhsuk/assets/images/favicon.svg?url";
import appCss from "~/styles/app.css?url";
import { Footer } from "~/components/layout/Footer";
import { Header, type HeaderUser } from "~/components/layout/Header";
import { contextKey } from "~/domain/auth/actor";
import { optionalActor } from "~/lib/session.server";
import { SERVICE_NAME } from "~/lib/meta";
import { useNonce } from "~/lib/nonce";
import { errorPageTitle, nextStepsOf } from "~/lib/error-page";

export const meta: MetaFunction = ({ error }) => [
  { title: error ? `Sorry, there is a problem – ${SERVICE_NAME}` : SERVICE_NAME },
];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: nhsukCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: favicon, type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await optionalActor(request, context);
  const user: HeaderUser | null = actor
    ? {
        name: actor.name,
        active: { key: contextKey(actor.active), orgName: actor.active.orgName, collaborativeName: actor.active.collaborativeName, role: actor.active.role },
        contexts: actor.contexts.map((c) => ({ key: contextKey(c), orgName: c.orgName, collaborativeName: c.collaborativeName, role: c.role })),
      }
    : null;
  return { user, demo: actor?.active.collaborativeIsDemo ?? false };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  useEffect(() => {
    document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
    // The NHS header's "More" menu and other components enhance progressively.
    void import("nhsuk-frontend").then((nhsuk) => nhsuk.initAll?.());
  }, []);
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <Header user={data?.user ?? null} demo={data?.demo ?? false} />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && error.data && typeof error.data === "object" && "message" in error.data
      ? String((error.data as { message: unknown }).message)
      : isRouteErrorResponse(error) && typeof error.data === "string"
        ? error.data
        : null;
  const title = errorPageTitle(status);
  const instead = isRouteErrorResponse(error) ? nextStepsOf(error.data) : [];
  useEffect(() => {
    document.title = `${title} – ${SERVICE_NAME}`;
  }, [title]);
  if (status >= 500) console.error(error);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        {message ? <p>{message}</p> : null}
        {status === 404 && !message ? <p>If you typed the web address, check it is correct.</p> : null}
        {status >= 500 ? <p>Try again later. Nothing you had already saved has been lost.</p> : null}
        {instead.length ? (
          <>
            <p>You can:</p>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {instead.map((step) => (
                <li key={step.href}>
                  <a href={step.href}>{step.text}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </div>
    </div>
  );
}
