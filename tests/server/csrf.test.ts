import type { AddressInfo } from "node:net";
import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originCheck } from "../../server/csrf";

let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(originCheck(() => ["http://localhost:3000"]));
  app.all("*", (_req, res) => {
    res.send("reached");
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function send(method: string, headers: Record<string, string>) {
  const res = await fetch(`${base}/members`, { method, headers, body: method === "GET" ? undefined : "x=1" });
  return { status: res.status, text: await res.text() };
}

describe("the Origin check on state-changing requests", () => {
  it("lets reads through", async () => {
    expect((await send("GET", {})).status).toBe(200);
  });
  it("lets our own origin post", async () => {
    expect(await send("POST", { Origin: "http://localhost:3000" })).toEqual({ status: 200, text: "reached" });
  });
  it("refuses another origin, with a reason", async () => {
    const res = await send("POST", { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.text).toMatch(/evil\.example.*not this service/);
  });
  it("refuses a post that says nowhere where it came from", async () => {
    expect((await send("POST", {})).status).toBe(403);
  });
  it("falls back to the Referer when Origin is missing", async () => {
    expect((await send("POST", { Referer: "http://localhost:3000/members" })).status).toBe(200);
    expect((await send("DELETE", { Referer: "https://evil.example/x" })).status).toBe(403);
  });
  it("compares whole origins, not prefixes", async () => {
    expect((await send("POST", { Origin: "http://localhost:3000.evil.example" })).status).toBe(403);
    expect((await send("PUT", { Origin: "http://localhost:30001" })).status).toBe(403);
  });
});
