#!/usr/bin/env node
// Type-checks the given tsconfig projects a second time with TypeScript 7 (what `npm i -D typescript` installs),
// kept in its own small package (test/ts7) because the build stays on TypeScript 5.9 (TS 7 breaks tsup's d.ts).
// Installs that package from its lockfile on first use. Usage: node scripts/ts7.mjs <tsconfig>...
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dir = join(root, "test", "ts7");
const wanted = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).devDependencies.typescript;
const installed = join(dir, "node_modules", "typescript", "package.json");
if (!existsSync(installed) || JSON.parse(readFileSync(installed, "utf8")).version !== wanted) {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
}
const tsc = join(dir, "node_modules", ".bin", "tsc");
let failed = false;
for (const project of process.argv.slice(2)) {
  const started = Date.now();
  try {
    execFileSync(tsc, ["-p", project], { cwd: root, stdio: "inherit" });
    console.log(`TypeScript ${wanted}: ${project} ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch {
    console.error(`TypeScript ${wanted}: ${project} FAILED`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
