import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DESIGN_SYSTEM_IMAGES_DIR, designSystemImages } from "../../server/design-system-assets";

let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use("/assets/images", designSystemImages());
  app.all("*", (_req, res) => {
    res.status(404).send("not found");
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("serves every icon the NHS stylesheet draws by address (the search box's clear button, sortable tables' arrows)", async () => {
  const css = readFileSync(path.join(DESIGN_SYSTEM_IMAGES_DIR, "..", "..", "nhsuk-frontend.min.css"), "utf8");
  const addresses = [...new Set([...css.matchAll(/url\((\/assets\/images\/[^)]+)\)/g)].map((m) => m[1]!))];
  expect(addresses).toContain("/assets/images/nhsuk-icon-cross.svg");
  for (const address of addresses) {
    const res = await fetch(`${base}${address}`);
    expect(res.status, address).toBe(200);
    expect(res.headers.get("content-type"), address).toMatch(/^image\/svg\+xml/);
  }
});

it("answers 404 for an icon that does not exist, passing it on", async () => {
  expect((await fetch(`${base}/assets/images/nope.svg`)).status).toBe(404);
});
