/**
 * Memory: peak V8 heap (above the baseline with the inputs built) while serializing 100,000 users and keeping the
 * results, each contender in its own fresh process. Dynamoose serializes ~1,500 items/s, so it does 10,000 and its
 * figure is scaled ×10 (noted in the table).
 */
import { execFileSync } from "node:child_process";
import { bundle } from "../lib/build.js";
import { CONTENDERS, type ContenderName, type Row } from "../lib/report.js";

const COUNT = 100_000;
const DYNAMOOSE_COUNT = 10_000;

interface ChildResult {
  count: number;
  peakMiB: number;
  retainedMiB: number;
  ms: number;
}

export async function memoryWorkload(log: (line: string) => void): Promise<Row> {
  const { outfile } = await bundle("children/memory.ts", "memory.mjs", { minify: false, allPackagesExternal: true });
  const values = {} as Record<ContenderName, number>;
  const detail: Record<string, ChildResult> = {};
  for (const name of CONTENDERS) {
    const count = name === "dynamoose" ? DYNAMOOSE_COUNT : COUNT;
    log(`memory: ${name} (${count.toLocaleString("en-US")} items)`);
    const out = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", outfile, name, String(count)], {
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
      timeout: 120_000,
    });
    const result = JSON.parse(out) as ChildResult;
    detail[name] = result;
    values[name] = (result.peakMiB * COUNT) / count;
  }
  return {
    workload: "memory (serialize 100k)",
    unit: "MiB",
    better: "lower",
    values,
    target: { kind: "ratio-at-most", value: 1.5 },
    notes: [
      "peak used V8 heap above the baseline while serializing 100,000 users and keeping the results; one process each",
      `Dynamoose ran ${DYNAMOOSE_COUNT.toLocaleString("en-US")} items (≈7 s) and is scaled ×${COUNT / DYNAMOOSE_COUNT}`,
    ],
    detail,
  };
}
