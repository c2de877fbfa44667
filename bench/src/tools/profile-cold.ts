/**
 * `npm --prefix bench run profile-cold`: `node --cpu-prof` on the cold-start child of the raw SDK and of dynamodel
 * (bundled unminified so that names survive), against a fresh DynamoDB Local; prints self time by package/file.
 */
import "../env.js";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { BUILD_DIR, bundle } from "../lib/build.js";
import { createUserTable, startLocal } from "../lib/local-tables.js";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const dir = `${BUILD_DIR}cold-profiles/`;
mkdirSync(dir, { recursive: true });
const local = await startLocal();
try {
  await createUserTable(local.endpoint, "bench_cold");
  for (const name of ["raw", "dynamodel"]) {
    const { outfile } = await bundle(`children/cold-${name}.ts`, `cold-${name}-plain.mjs`, { minify: false });
    const env = { ...process.env, BENCH_ENDPOINT: local.endpoint, BENCH_TABLE: "bench_cold", NODE_OPTIONS: "" };
    execFileSync(process.execPath, [outfile], { env }); // warm the file cache and DynamoDB Local
    const before = new Set(readdirSync(dir));
    const out = execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-interval=50", `--cpu-prof-dir=${dir}`, outfile], { env, encoding: "utf8" });
    const file = readdirSync(dir).find((f) => !before.has(f)) as string;
    const profile = JSON.parse(readFileSync(`${dir}${file}`, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const byWhere = new Map<string, number>();
    const byFunction = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const frame = (byId.get(id) as Node).callFrame;
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1];
      const where = pkg ?? (frame.url.includes("cold-") ? "the bundle (handler + ODM)" : frame.url.startsWith("node:") ? "node internals" : frame.url || "(native/VM)");
      const micros = profile.timeDeltas[i] ?? 0;
      byWhere.set(where, (byWhere.get(where) ?? 0) + micros);
      if (where === "the bundle (handler + ODM)") {
        const key = `${frame.functionName || "(top level)"}:${frame.lineNumber + 1}`;
        byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
      }
    });
    const top = (m: Map<string, number>, n: number) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / 1000).toFixed(1).padStart(6)} ms  ${k}`).join("\n");
    process.stdout.write(`\n${name}: ${out}\nby package:\n${top(byWhere, 10)}\nbundle functions:\n${top(byFunction, 12)}\n`);
  }
} finally {
  await local.stop();
}
