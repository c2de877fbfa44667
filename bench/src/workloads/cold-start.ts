/**
 * Cold start: a new `node` process runs the bundled one-get handler (as Lambda would) against DynamoDB Local;
 * the child reports `performance.now()` (since process start) once its first GetItem has resolved. Median of 10
 * per contender, alternating, after one unmeasured run each (file cache).
 */
import { execFileSync } from "node:child_process";
import { bundle } from "../lib/build.js";
import { createUserTable } from "../lib/local-tables.js";
import { CONTENDERS, type ContenderName, type Row, byContender } from "../lib/report.js";
import { median } from "../lib/timing.js";
import { ELECTRODB_IDENTIFIERS } from "../peers/electrodb-user.js";

const RUNS = 10;
const TABLE = "bench_cold";

/** ElectroDB reads only items that carry its identifiers: it gets its own table, seeded with them. */
const tableOf = (name: ContenderName) => (name === "electrodb" ? `${TABLE}_electrodb` : TABLE);

function runOnce(file: string, endpoint: string, table: string): { ms: number; loadedMs: number } {
  const out = execFileSync(process.execPath, [file], {
    env: { ...process.env, BENCH_ENDPOINT: endpoint, BENCH_TABLE: table, NODE_OPTIONS: "" },
    encoding: "utf8",
    timeout: 30_000,
  });
  return JSON.parse(out) as { ms: number; loadedMs: number };
}

export async function coldStartWorkload(endpoint: string, log: (line: string) => void, runs = RUNS): Promise<Row> {
  log("cold start: bundling and creating the table");
  await createUserTable(endpoint, TABLE);
  await createUserTable(endpoint, tableOf("electrodb"), ELECTRODB_IDENTIFIERS);
  const files = {} as Record<ContenderName, string>;
  for (const name of CONTENDERS) files[name] = (await bundle(`children/cold-${name}.ts`, `cold-${name}.mjs`)).outfile;
  for (const name of CONTENDERS) runOnce(files[name], endpoint, tableOf(name));
  const samples = Object.fromEntries(CONTENDERS.map((name) => [name, [] as number[]])) as Record<ContenderName, number[]>;
  const loaded = Object.fromEntries(CONTENDERS.map((name) => [name, [] as number[]])) as Record<ContenderName, number[]>;
  log(`cold start: ${runs} runs each`);
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < CONTENDERS.length; k++) {
      const name = CONTENDERS[(run + k) % CONTENDERS.length] as ContenderName;
      const result = runOnce(files[name], endpoint, tableOf(name));
      samples[name].push(result.ms);
      loaded[name].push(result.loadedMs);
    }
  }
  return {
    workload: "cold start",
    unit: "ms",
    better: "lower",
    values: byContender((name) => median(samples[name])),
    target: { kind: "ratio-at-most", value: 1.05 },
    notes: [
      `process start → import the bundled handler → first GetItem resolved (DynamoDB Local); median of ${runs}`,
      `of which loading (boot + import + client/model setup), median ms: ${CONTENDERS.map((name) => `${name} ${median(loaded[name]).toFixed(0)}`).join(", ")}`,
    ],
    detail: Object.fromEntries(
      CONTENDERS.map((name) => [
        name,
        { msRuns: samples[name].map((ms) => +ms.toFixed(1)), loadedMsRuns: loaded[name].map((ms) => +ms.toFixed(1)), loadedMedianMs: +median(loaded[name]).toFixed(1) },
      ]),
    ),
  };
}
