#!/usr/bin/env node
// Checks the import graph of src/, type imports (`import type`, `export type`, `import("…")` types) counted:
// - no cycle among the runtime imports (always an error);
// - no cycle with type imports counted, and no import from a folder to one it may not import (the rank table of
//   docs/decisions/0004-layering.md), except the entries of scripts/layer-exceptions.txt: known violations that may
//   only shrink. An entry that no longer occurs is an error too, so that each fix removes its entry.
// Usage: node scripts/check-cycles.mjs [src] [--list]   (--list prints every violation, excepted or not)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const args = process.argv.slice(2);
const root = resolve(args.find((arg) => !arg.startsWith("--")) ?? "src");
const listAll = args.includes("--list");
const exceptionsFile = join(import.meta.dirname, "layer-exceptions.txt");

// Which folder (or root file) may import which, directly; the rule is the transitive closure of these edges.
// model → {table, transaction, batch, query} → store → bind → {expression, schema} → marshal → {errors, callback};
// store → aws → logger; table → query. `item/` (the Item class) sits between store and bind.
const edges = {
  "index.cjs.ts": ["index.ts"],
  "index.ts": ["model", "instance.ts"],
  model: ["instance.ts", "table", "transaction", "batch", "query"],
  "instance.ts": ["table", "aws"],
  table: ["query", "store"],
  transaction: ["store"],
  batch: ["store"],
  query: ["store"],
  store: ["item", "aws"],
  item: ["bind", "aws"],
  bind: ["expression", "schema"],
  expression: ["marshal", "item-paths.ts", "update-operations.ts"],
  schema: ["marshal", "item-paths.ts", "update-operations.ts"],
  marshal: ["errors.ts", "callback.ts"],
  aws: ["logger"],
  logger: ["errors.ts", "callback.ts", "dotted-match.ts"],
  "item-paths.ts": [],
  "update-operations.ts": ["errors.ts"],
  "errors.ts": [],
  "callback.ts": [],
  "dotted-match.ts": [],
};
const allowed = new Map();
function reach(layer) {
  if (allowed.has(layer)) return allowed.get(layer);
  const set = new Set([layer]);
  allowed.set(layer, set);
  for (const next of edges[layer] ?? []) for (const below of reach(next)) set.add(below);
  return set;
}
for (const layer of Object.keys(edges)) reach(layer);
const layerOf = (file) => relative(root, file).split("/")[0];

const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (full.endsWith(".ts") && !full.endsWith(".d.ts")) files.push(full);
  }
})(root);

const importPattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?["'](\.[^"']+)["']/gm;
const inlinePattern = /\bimport\(\s*["'](\.[^"']+)["']\s*\)/g;
function resolveImport(file, specifier) {
  const target = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
  const candidates = [target, target.endsWith(".ts") ? target : `${target}.ts`, join(target, "index.ts")];
  return candidates.find((c) => files.includes(c));
}
const runtime = new Map();
const all = new Map();
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const runtimeDeps = [];
  const allDeps = [];
  for (const match of text.matchAll(importPattern)) {
    const found = resolveImport(file, match[2]);
    if (!found) continue;
    allDeps.push(found);
    if (!match[1]) runtimeDeps.push(found);
  }
  for (const match of text.matchAll(inlinePattern)) {
    const found = resolveImport(file, match[1]);
    if (found) allDeps.push(found);
  }
  runtime.set(file, runtimeDeps);
  all.set(file, allDeps);
}

/** The strongly connected components of more than one file (Tarjan), each as its sorted file list. */
function cyclesOf(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  function connect(file) {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const dep of graph.get(file) ?? []) {
      if (!index.has(dep)) {
        connect(dep);
        low.set(file, Math.min(low.get(file), low.get(dep)));
      } else if (onStack.has(dep)) low.set(file, Math.min(low.get(file), index.get(dep)));
    }
    if (low.get(file) !== index.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(relative(root, member));
    } while (member !== file);
    if (component.length > 1) components.push(component.sort());
  }
  for (const file of files) if (!index.has(file)) connect(file);
  return components;
}

let failed = false;
const runtimeCycles = cyclesOf(runtime);
for (const cycle of runtimeCycles) console.error(`import cycle (runtime): ${cycle.join(" ")}`);
if (runtimeCycles.length > 0) failed = true;

const violations = [];
for (const cycle of cyclesOf(all)) violations.push(`cycle ${cycle.join(" ")}`);
for (const [file, deps] of all) {
  const from = layerOf(file);
  for (const dep of new Set(deps)) {
    const to = layerOf(dep);
    if (from === to) continue;
    if (!allowed.has(from)) violations.push(`unranked ${relative(root, file)}`);
    else if (!allowed.get(from).has(to)) violations.push(`upward ${relative(root, file)} ${relative(root, dep)}`);
  }
}
const unique = [...new Set(violations)].sort();

const exceptions = readFileSync(exceptionsFile, "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
// A cycle is excepted when its files are among those of an excepted cycle (it may only shrink).
const filesOf = (violation) => violation.split(" ").slice(1);
const within = (cycle, entry) =>
  cycle.startsWith("cycle ") && entry.startsWith("cycle ") && filesOf(cycle).every((file) => filesOf(entry).includes(file));
const excepted = (violation) => exceptions.some((entry) => entry === violation || within(violation, entry));
const used = (entry) => unique.some((violation) => violation === entry || within(violation, entry));

for (const violation of unique) {
  if (!excepted(violation)) {
    console.error(`layer rule broken: ${violation}`);
    failed = true;
  } else if (listAll) console.log(`excepted: ${violation}`);
}
for (const entry of exceptions) {
  if (!used(entry)) {
    console.error(`fixed, remove it from scripts/layer-exceptions.txt: ${entry}`);
    failed = true;
  }
}
if (failed) process.exit(1);
const pending = unique.length;
console.log(
  `no runtime import cycles among ${files.length} files; ${pending === 0 ? "every import runs downward" : `${pending} known layer violations left (scripts/layer-exceptions.txt)`}`,
);
