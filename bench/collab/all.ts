/**
 * All five collaboration benchmarks, one after another, then one table of the figures against
 * the targets, ours beside the reference. Each benchmark runs in its own process and,
 * with DATABASE_URL, on a database created for it on that server and dropped after (a reused one
 * gathers hundreds of collaboratives per run, and lookups at connect time slow down).
 *   npm run bench:collab-all              (about 15 minutes; DATABASE_URL for PostgreSQL)
 * Each benchmark's settings below can be overridden from the environment (RUNS=1 DURATION=5 for a
 * quick look), which then applies to all five. This machine's speed varies from hour to hour:
 * the reference's propagation row says which hour a run had (quick: p50 about 0.2 ms).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { fmt, percentile } from "./harness";

interface Benchmark {
  name: string;
  env: Record<string, string>;
}

const BENCHMARKS: Benchmark[] = [
  { name: "propagation", env: { RUNS: "5" } },
  { name: "many-docs", env: { RUNS: "5", DURATION: "20" } },
  { name: "hot-doc", env: { DURATION: "20" } },
  { name: "memory", env: {} },
  { name: "cold-load", env: { RUNS: "9" } },
];

type Figures = { benchmark: string; server: "ours" | "reference" } & Record<string, number>;

const dir = mkdtempSync(path.join(tmpdir(), "peff-bench-"));
const reportFile = path.join(dir, "report.jsonl");
const started = new Date();
try {
  for (const benchmark of BENCHMARKS) {
    console.log(`\n== ${benchmark.name} (${new Date().toISOString().slice(11, 19)} UTC)`);
    await withDatabase(benchmark.name, (url) => run(benchmark, url));
  }
  console.log(`\nSummary (${started.toISOString().slice(0, 16).replace("T", " ")} UTC, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}; lowest / median / highest over runs)`);
  printSummary(readFileSync(reportFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as Figures));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);

function run(benchmark: Benchmark, databaseUrl: string | undefined): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...benchmark.env, ...process.env, BENCH_REPORT: reportFile };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ["--import", "tsx", `bench/collab/${benchmark.name}.ts`], { env, stdio: "inherit" });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench/collab/${benchmark.name}.ts exited with ${code}`)))),
  );
}

/** Runs `body` on a database of its own when DATABASE_URL is set (on PGlite each server makes its own). */
async function withDatabase(name: string, body: (url: string | undefined) => Promise<void>) {
  const base = process.env.DATABASE_URL;
  if (!base) return body(undefined);
  const url = new URL(base);
  const database = `${url.pathname.slice(1) || "postgres"}_bench_${name.replace("-", "_")}_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${database}"`);
    url.pathname = `/${database}`;
    await body(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.end();
  }
}

function printSummary(figures: Figures[]) {
  const of = (benchmark: string, server: Figures["server"], key: string) =>
    figures.filter((f) => f.benchmark === benchmark && f.server === server).map((f) => f[key]!);
  // The median as the harness's printRuns takes it: the upper one of an even number of runs.
  const median = (values: number[]) => percentile(values, 50);
  const spread = (values: number[], unit = "") => {
    if (values.length === 0) return "-";
    if (values.length === 1) return `${fmt(values[0]!)}${unit}`;
    return `${fmt(Math.min(...values))} / ${fmt(median(values))} / ${fmt(Math.max(...values))}${unit}`;
  };
  const verdict = (value: number, limit: number) => (Number.isNaN(value) ? "-" : value <= limit ? "met" : "missed");
  const percent = (values: number[]) => spread(values.map((v) => v * 100), "%");
  const rows = [
    ["propagation p50", "<= 1 ms", spread(of("propagation", "reference", "p50")), spread(of("propagation", "ours", "p50")), verdict(median(of("propagation", "ours", "p50")), 1)],
    ["propagation p99", "<= 5 ms", spread(of("propagation", "reference", "p99")), spread(of("propagation", "ours", "p99")), verdict(median(of("propagation", "ours", "p99")), 5)],
    [`${process.env.DOCS ?? 500} docs p99`, "<= 10 ms", spread(of("many-docs", "reference", "p99")), spread(of("many-docs", "ours", "p99")), verdict(median(of("many-docs", "ours", "p99")), 10)],
    ["hot document p99", "<= 50 ms", spread(of("hot-doc", "reference", "p99")), spread(of("hot-doc", "ours", "p99")), verdict(median(of("hot-doc", "ours", "p99")), 50)],
    [`memory ${process.env.WAIT ?? 60} s after`, "<= +10%", percent(of("memory", "reference", "overBaseline")), percent(of("memory", "ours", "overBaseline")), verdict(median(of("memory", "ours", "overBaseline")), 0.1)],
    ["cold load median", "<= 150 ms", "(no persistence)", spread(of("cold-load", "ours", "median")), verdict(median(of("cold-load", "ours", "median")), 150)],
  ];
  console.log("| benchmark | target | reference | ours | ours' median |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}
