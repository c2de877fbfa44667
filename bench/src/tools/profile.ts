/**
 * `npm --prefix bench run profile -- <workload> [operations]`: profiles dynamodel on one CPU workload and prints
 * where the time goes: self time by function (mapped back to `src/` through `dist/index.js.map`) and by source file.
 * Workloads: serialize, create-request, deserialize, from-stored (what a query does per returned item), compile-query,
 * compile-update.
 *
 * It uses V8's sampling CPU profiler (the one behind `node --cpu-prof`) through `node:inspector`, started after a
 * warm-up so that module loading and JIT tiers do not pollute the figures. The .cpuprofile is written to
 * `results/profiles/` (git-ignored) for Chrome DevTools.
 */
import "../env.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { BENCH, type Profile, summarize } from "../lib/cpu-profile.js";
import { dynamodelBody } from "../workloads/cpu.js";

const [workload = "serialize", operations = "200000"] = process.argv.slice(2);
const body = dynamodelBody(workload);
await body(5_000); // warm-up: optimized code only in the profile
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });
await session.post("Profiler.start");
const started = performance.now();
await body(Number(operations));
const elapsed = performance.now() - started;
const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
session.disconnect();
const dir = `${BENCH}results/profiles/`;
mkdirSync(dir, { recursive: true });
const file = `${dir}${workload}-${Date.now()}.cpuprofile`;
writeFileSync(file, JSON.stringify(profile));
process.stdout.write(`${workload}: ${operations} operations in ${elapsed.toFixed(0)} ms (${((elapsed * 1000) / Number(operations)).toFixed(2)} µs/op), profile ${file}\n\n`);
process.stdout.write(summarize(profile, 20));
