import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/lib/nonce";

const ABORT_DELAY = 5_000;

/**
 * Every page and every loader's data is one signed-in person's view of their organisation's and
 * the collaborative's data, and equality leads often work on shared NHS computers behind shared
 * proxies: nothing may be kept by a proxy, or by the browser for the next person at the machine to
 * find in its history. Navigation inside the app is client-side, so the browser's back/forward
 * cache, which `no-store` gives up, costs little here. A route that sets its own keeps it.
 */
export const PAGE_CACHE_CONTROL = "private, no-store";
const keepPrivate = (headers: Headers) => {
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", PAGE_CACHE_CONTROL);
};

/** Loader and action data fetched by client-side navigation: kept no more than the pages. */
export function handleDataRequest(response: Response) {
  keepPrivate(response.headers);
  return response;
}

/**
 * Remix's Node entry with two additions: the Content-Security-Policy nonce chosen by the server
 * (server/app.ts) is given to React, so the only inline scripts that run are ours; and pages are
 * not cached (above).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          keepPrivate(responseHeaders);
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
