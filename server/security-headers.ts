import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export interface SecurityHeaderOptions {
  /** Development serves Vite's hot reload over WebSockets of its own. */
  mode: "development" | "production";
  /** The service is reached over https (PUBLIC_URL): browsers are told to use nothing else. */
  https: () => boolean;
}

/** A year: the usual HSTS lifetime, renewed by every response. */
const HSTS_SECONDS = 365 * 24 * 3600;

/**
 * The headers every response carries, and the per-response nonce inline scripts need
 * (`res.locals.cspNonce`, passed to Remix through the load context).
 */
export function securityHeaders(options: SecurityHeaderOptions) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.set({
      // Scripts only from us (inline ones carry this response's nonce); styles allow inline
      // attributes (React style props); connections to our own origin (fetches, WebSockets).
      "Content-Security-Policy": [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        // The NHS design system's Frutiger font is served from the NHS's own asset host.
        "font-src 'self' data: https://assets.nhs.uk",
        `connect-src 'self'${options.mode === "development" ? " ws: wss:" : ""}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
    // Secure cookies alone leave the first plain-http visit (a typed address, an old bookmark) open
    // to a network attacker; HSTS makes the browser go straight to https from then on. Not over
    // http: a browser ignores it there, and a localhost answer would pin every local port to https.
    if (options.https()) res.set("Strict-Transport-Security", `max-age=${HSTS_SECONDS}`);
    next();
  };
}
