import type { NextFunction, Request, Response } from "express";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every state-changing request must come from one of our own origins. Browsers send `Origin` on
 * every POST (and on cross-origin requests generally); when it is missing we fall back to
 * `Referer`, and refuse when both are. SameSite=Lax cookies are the second line.
 */
export function originCheck(allowed: () => string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.get("origin") ?? originOf(req.get("referer"));
    if (origin && allowed().includes(origin)) return next();
    res.status(403).type("text/plain").send(
      origin
        ? `Refused: this request came from ${origin}, which is not this service. Reload the page and try again.`
        : "Refused: the request did not say where it came from (no Origin header). Reload the page and try again.",
    );
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
