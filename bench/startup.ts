/**
 * Cold start to first answered request, and the server's peak memory.
 *   npm run bench:startup            (PGlite first and second run; PostgreSQL when PG_ADMIN_URL works)
 * Needs a production build (npm run build).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";

const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function run(label: string, env: Record<string, string>) {
  const t0 = performance.now();
  // PORT=0: the server takes a free port and logs it (a port chosen here could be in use).
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let port = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    port ||= /listening on http:\/\/[^:\s]+:(\d+)/.exec(output)?.[1] ?? "";
  });
  let firstAnswer = NaN;
  for (;;) {
    try {
      if (!port) throw new Error("not listening yet");
      const res = await fetch(`http://127.0.0.1:${port}/sign-in`);
      if (res.ok) {
        await res.text();
        firstAnswer = performance.now() - t0;
        break;
      }
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error(`${label}: server exited`);
    await new Promise((r) => setTimeout(r, 25));
  }
  // Some traffic, then read the kernel's high-water mark of resident memory.
  for (let i = 0; i < 50; i++) await (await fetch(`http://127.0.0.1:${port}/sign-in`)).text();
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  console.log(`${label.padEnd(34)} first answer ${Math.round(firstAnswer).toString().padStart(6)} ms   peak RSS ${Math.round(peakKb / 1024)} MB`);
}

const dir = await mkdtemp(path.join(os.tmpdir(), "peff-bench-"));
try {
  const pgliteDir = path.join(dir, "data");
  await run("PGlite, first run (empty dir)", { PGLITE_DIR: pgliteDir, DATABASE_URL: "" });
  await run("PGlite, second run", { PGLITE_DIR: pgliteDir, DATABASE_URL: "" });
  let admin: postgres.Sql | undefined;
  try {
    admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
    const name = `peff_bench_${Date.now()}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      await run("PostgreSQL, first run (empty db)", { DATABASE_URL: url.toString() });
      await run("PostgreSQL, second run", { DATABASE_URL: url.toString() });
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    }
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
  } finally {
    await admin?.end();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
