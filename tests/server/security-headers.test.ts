import type { AddressInfo } from "node:net";
import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../../server/security-headers";

/** Two servers as createPeffServer mounts the headers: one reached over https (PUBLIC_URL), one not. */
const servers: http.Server[] = [];
const bases: Record<"https" | "http", string> = { https: "", http: "" };

beforeAll(async () => {
  for (const scheme of ["https", "http"] as const) {
    const app = express();
    app.use(securityHeaders({ mode: "production", https: () => scheme === "https" }));
    app.get("*", (_req, res) => {
      res.send(`nonce ${String(res.locals.cspNonce)}`);
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    bases[scheme] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

describe("the headers on every response", () => {
  it("refuse framing by other sites, sniffing, and leaking addresses to them; scripts only with this response's nonce", async () => {
    const res = await fetch(`${bases.https}/evidence`);
    const nonce = (await res.text()).replace("nonce ", "");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/ws: wss:/);
  });

  it("tell browsers to use https only, when the service is reached over https", async () => {
    expect((await fetch(`${bases.https}/`)).headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("say nothing of https on a plain-http service (localhost would be pinned to https)", async () => {
    expect((await fetch(`${bases.http}/`)).headers.get("strict-transport-security")).toBeNull();
  });
});
