#!/usr/bin/env node
// Fails when the runtime import graph of src/ has a cycle. Type-only imports (`import type`,
// `export type`) are erased at build time and are not counted.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "src");
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (full.endsWith(".ts") && !full.endsWith(".d.ts")) files.push(full);
  }
})(root);

const importPattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?["'](\.[^"']+)["']/gm;
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const deps = [];
  for (const match of text.matchAll(importPattern)) {
    const target = resolve(dirname(file), match[1].replace(/\.js$/, ".ts"));
    const candidates = [target, target.endsWith(".ts") ? target : `${target}.ts`, join(target, "index.ts")];
    const found = candidates.find((c) => files.includes(c));
    if (found) deps.push(found);
  }
  graph.set(file, deps);
}

const state = new Map();
const stack = [];
const cycles = [];
function visit(file) {
  state.set(file, "visiting");
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (state.get(dep) === "visiting") cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
    else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(file, "done");
}
for (const file of files) if (!state.has(file)) visit(file);

if (cycles.length > 0) {
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((f) => relative(process.cwd(), f)).join(" -> ")}`);
  process.exit(1);
}
console.log(`no import cycles among ${files.length} files`);
