/**
 * `npm --prefix bench run profile-io -- <job> [jobs]`: where this Node process's time goes in one bulk DynamoDB Local
 * workload (query200, scanPaged, batchPut2000, transactions100), raw SDK vs dynamodel. Starts DynamoDB Local, creates
 * and seeds the tables as `npm run bench` does, warms up, then runs `jobs` jobs (default 6) of each contender under
 * V8's sampling CPU profiler (the one behind `node --cpu-prof`) and prints self time by function and by file/package.
 * The .cpuprofile files go to `results/profiles/` (git-ignored).
 */
import "../env.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { bulkPair } from "../lib/bulk-pair.js";
import { BENCH, type Profile, summarize } from "../lib/cpu-profile.js";
import { startLocal } from "../lib/local-tables.js";
import type { BulkName } from "../lib/io-operations.js";

const [job = "query200", count = "6"] = process.argv.slice(2) as [BulkName | undefined, string | undefined];
const local = await startLocal();
try {
  const { contenders, run } = await bulkPair(local.endpoint, job);
  for (let warm = 0; warm < 4; warm++) for (const ops of Object.values(contenders)) await run(ops);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  for (const [name, ops] of Object.entries(contenders)) {
    await session.post("Profiler.start");
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let k = 0; k < Number(count); k++) await run(ops);
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
    const dir = `${BENCH}results/profiles/`;
    mkdirSync(dir, { recursive: true });
    const file = `${dir}io-${job}-${name}-${Date.now()}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    const cpuMs = (used.user + used.system) / 1000 / Number(count);
    process.stdout.write(`\n=== ${name}: ${job} × ${count}: ${(elapsed / Number(count)).toFixed(0)} ms/job wall, ${cpuMs.toFixed(0)} ms/job Node CPU; ${file}\n${summarize(profile, 25)}`);
  }
  session.disconnect();
} finally {
  await local.stop();
}
