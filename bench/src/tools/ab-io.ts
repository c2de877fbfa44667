/**
 * A/B of one bulk job, raw SDK vs dynamodel, alternating, without the profiler: per-round wall and Node CPU.
 * `npm --prefix bench run ab-io -- <query200|scanPaged|batchPut2000|transactions100> [rounds] [--jobs n] [--swap]`
 * (`--swap` makes each contender read the other's table, to tell the table from the code; `--only-raw` /
 * `--only-dynamodel` run one of them, e.g. under `node --cpu-prof`).
 */
import "../env.js";
import { writeFileSync } from "node:fs";
import { bulkPair } from "../lib/bulk-pair.js";
import { startLocal } from "../lib/local-tables.js";
import { median } from "../lib/timing.js";
import type { BulkName } from "../lib/io-operations.js";

const args = process.argv.slice(2);
const [job = "query200", rounds = "9"] = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--jobs") as [BulkName | undefined, string | undefined];
const swap = args.includes("--swap");
const jobsIndex = args.indexOf("--jobs");
/** Jobs per round, all in flight at once (the bench's paged scan runs 8). */
const jobs = jobsIndex >= 0 ? Number(args[jobsIndex + 1]) : 1;
const only = args.includes("--only-raw") ? "raw" : args.includes("--only-dynamodel") ? "dynamodel" : undefined;
const gc = (globalThis as { gc?: (options?: { type?: string; execution?: string }) => void }).gc;
const local = await startLocal();
try {
  const { contenders, run } = await bulkPair(local.endpoint, job, swap);
  const wall: Record<string, number[]> = { raw: [], dynamodel: [] };
  /** Each round's contender and [start, end] in µs of the monotonic clock (a CPU profile's time base). */
  const windows: [string, number, number][] = [];
  const cpu: Record<string, number[]> = { raw: [], dynamodel: [] };
  for (let round = -2; round < Number(rounds); round++) {
    const order = round % 2 === 0 ? (["raw", "dynamodel"] as const) : (["dynamodel", "raw"] as const);
    for (const name of order.filter((n) => !only || n === only)) {
      gc?.({ type: "minor", execution: "sync" });
      const used = process.cpuUsage();
      const started = performance.now();
      const from = process.hrtime.bigint();
      await Promise.all(Array.from({ length: jobs }, () => run(contenders[name])));
      windows.push([name, Number(from / 1000n), Number(process.hrtime.bigint() / 1000n)]);
      const elapsed = performance.now() - started;
      const spent = process.cpuUsage(used);
      if (round >= 0) {
        wall[name]?.push(elapsed);
        cpu[name]?.push((spent.user + spent.system) / 1000);
      }
    }
  }
  for (const name of ["raw", "dynamodel"]) {
    const w = wall[name] as number[];
    const c = cpu[name] as number[];
    process.stdout.write(`${name}: wall median ${median(w).toFixed(1)} ms [${w.map((x) => x.toFixed(0)).join(" ")}], Node CPU median ${median(c).toFixed(1)} ms\n`);
  }
  if (process.env.AB_WINDOWS) writeFileSync(process.env.AB_WINDOWS, JSON.stringify(windows));
  if (!only) process.stdout.write(`dynamodel/raw throughput: ${(median(wall.raw as number[]) / median(wall.dynamodel as number[])).toFixed(2)}×\n`);
} finally {
  await local.stop();
}
