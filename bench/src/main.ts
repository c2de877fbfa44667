/**
 * `npm run bench` (everything) or `npm run bench -- --cpu` (CPU workloads only, no DynamoDB Local).
 * Prints one table and writes `results/latest.json` (a partial run: `results/latest-partial.json`; or `--out FILE`).
 * Other flags: `--quick` (fewer rounds), `--only a,b` (workload groups: cpu, io, cold, bundle, memory, types).
 */
import "./env.js";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cpuWorkloads } from "./workloads/cpu.js";
import { ioWorkloads } from "./workloads/io.js";
import { startLocal } from "./lib/local-tables.js";
import { bundleWorkload } from "./workloads/bundle.js";
import { coldStartWorkload } from "./workloads/cold-start.js";
import { memoryWorkload } from "./workloads/memory.js";
import { typecheckWorkload } from "./workloads/typecheck.js";
import { type Row, formatNotes, formatTable, guarded, machine, score, writeResults } from "./lib/report.js";

const GROUPS = ["cpu", "io", "cold", "bundle", "memory", "types"] as const;
type Group = (typeof GROUPS)[number];

function parseArgs(argv: readonly string[]) {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  let groups: Group[] = [...GROUPS];
  if (flag("cpu")) groups = ["cpu"];
  const only = value("only");
  if (only) groups = only.split(",").map((g) => g.trim()).filter((g): g is Group => (GROUPS as readonly string[]).includes(g));
  return {
    groups,
    quick: flag("quick"),
    // A partial run (--cpu, --only) does not overwrite the full record.
    out: value("out") ?? fileURLToPath(new URL(groups.length === GROUPS.length ? "../results/latest.json" : "../results/latest-partial.json", import.meta.url)),
  };
}

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const rows: Row[] = [];
  const add = async (workload: string, run: () => Promise<Row | Row[]>) => rows.push(...(await guarded(workload, run, log)));
  if (args.groups.includes("cpu")) await add("cpu", () => cpuWorkloads(args.quick ? { warmup: 1, rounds: 3 } : { warmup: 2, rounds: 7 }, log));
  if (args.groups.includes("io") || args.groups.includes("cold")) {
    log("starting DynamoDB Local");
    let local: Awaited<ReturnType<typeof startLocal>> | undefined;
    await add("DynamoDB Local", async () => {
      local = await startLocal();
      return [];
    });
    if (local) {
      const endpoint = local.endpoint;
      try {
        if (args.groups.includes("io")) await add("io", () => ioWorkloads(endpoint, args.quick ? { warmup: 1, rounds: 3 } : { warmup: 1, rounds: 7 }, log));
        if (args.groups.includes("cold")) await add("cold start", () => coldStartWorkload(endpoint, log, args.quick ? 4 : 10));
      } finally {
        await local.stop();
      }
    }
  }
  if (args.groups.includes("bundle")) await add("bundle", () => bundleWorkload(log));
  if (args.groups.includes("memory")) await add("memory", () => memoryWorkload(log));
  if (args.groups.includes("types")) await add("type-check", () => typecheckWorkload(log));
  const scored = rows.map(score);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`\n${formatTable(scored)}\n\nNotes:\n${formatNotes(scored)}\n\n(${seconds.toFixed(0)} s)\n`);
  writeResults(args.out, {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: machine(),
    groups: args.groups,
    seconds,
    rows: scored,
  });
  log(`wrote ${args.out}`);
  if (rows.some((row) => row.detail?.failed)) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
