/**
 * `npm --prefix bench run instructions -- <git revision or dist/index.js> [workloads]`: machine instructions per
 * operation of dynamodel's CPU workloads, this tree's `dist/` against another build, counted by valgrind
 * (`--tool=cachegrind --cache-sim=no`; node `--single-threaded --predictable`: no JIT or GC thread beside it, and
 * garbage collections that do not depend on timers; without `--predictable` one build's count moves by up to 30%).
 *
 * Why: on a loaded machine, time A/Bs of two builds move by ±20% even between two copies of one build (the bench's
 * `--cpu` rows by ±40%). An instruction count does not depend on the load: one build counted twice agrees within
 * about 0.2%. Two builds that differ only in code the workload never runs still differ by up to ±7% (inlining and
 * heap layout follow the whole bundle), so it settles large differences, not a 5% rule (see bench/README.md).
 *
 * Per operation = (count after WARM + 20,000 operations − count after WARM operations) / 20,000: start-up, module
 * loading and the warm-up cancel out. A git revision is checked out in a temporary worktree (sharing this
 * repository's node_modules) and built with its own `npm run build`. Needs `valgrind` (apt-get install valgrind). ≈40 s per workload
 * and build.
 */
import "../env.js";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import { BUILD_DIR } from "../lib/build.js";

const ROOT = resolve(new URL("../../../", import.meta.url).pathname);
const WORKLOADS = ["serialize", "create-request", "deserialize", "compile-query", "compile-update"];
const COUNT = 20_000;

const [against, ...rest] = process.argv.slice(2);
if (!against) throw new Error("usage: npm run instructions -- <git revision | path/to/dist/index.js> [workloads]");
const workloads = rest.length > 0 ? rest : WORKLOADS;

/** The other build's `dist/index.js`: the path given, or a revision built in a temporary worktree. */
function otherDist(): { dist: string; cleanup: () => void } {
  if (against.endsWith(".js")) return { dist: resolve(against), cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), "dynamodel-instructions-"));
  execFileSync("git", ["worktree", "add", "--detach", dir, against], { cwd: ROOT, stdio: "ignore" });
  const cleanup = () => execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: ROOT, stdio: "ignore" });
  try {
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    execFileSync("npm", ["run", "build"], { cwd: dir, stdio: "ignore" });
    return { dist: join(dir, "dist", "index.js"), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** Bundles the child with dynamodel's `dist/index.js` imports sent to `dist` (packages stay external). */
async function bundleChild(name: string, dist: string): Promise<string> {
  const redirect: Plugin = {
    name: "dist",
    setup(b) {
      b.onResolve({ filter: /\/dist\/index\.js$/ }, () => ({ path: dist }));
    },
  };
  const outfile = `${BUILD_DIR}instructions-${name}.mjs`;
  await build({
    entryPoints: [new URL("../children/instructions.ts", import.meta.url).pathname],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [redirect],
    banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
    logLevel: "error",
  });
  return outfile;
}

function instructions(file: string, workload: string, count: number): number {
  const run = spawnSync(
    "valgrind",
    ["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", process.execPath, "--single-threaded", "--predictable", file],
    { env: { ...process.env, WORKLOAD: workload, COUNT: String(count) }, encoding: "utf8" },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr)?.[1];
  if (run.status !== 0 || !refs) throw new Error(`valgrind on ${workload} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  return Number(refs.replaceAll(",", ""));
}

const perOperation = (file: string, workload: string) => (instructions(file, workload, COUNT) - instructions(file, workload, 0)) / COUNT;

if (!existsSync(join(ROOT, "dist", "index.js"))) throw new Error("build dist/ first (npm run build at the root)");
const other = otherDist();
try {
  const files = { this: await bundleChild("this", join(ROOT, "dist", "index.js")), other: await bundleChild("other", other.dist) };
  console.log(`| workload | ${against} | this tree | this/other |\n| --- | ---: | ---: | ---: |`);
  for (const workload of workloads) {
    const before = perOperation(files.other, workload);
    const after = perOperation(files.this, workload);
    console.log(`| ${workload} | ${Math.round(before).toLocaleString("en")} | ${Math.round(after).toLocaleString("en")} | ${(after / before).toFixed(3)} |`);
  }
} finally {
  other.cleanup();
}
