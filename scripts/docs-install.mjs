#!/usr/bin/env node
// Installs the docs site's own packages (docs/package.json: VitePress, TypeDoc, playwright-core) with `npm ci`, only
// when docs/node_modules is missing or older than docs/package-lock.json, so the root install stays lean and
// repeated `npm run docs:*` calls do not reinstall.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { join, resolve } from "node:path";

const docs = resolve(import.meta.dirname, "..", "docs");
const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};
if (mtime(join(docs, "node_modules", ".package-lock.json")) < mtime(join(docs, "package-lock.json"))) {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: docs, stdio: "inherit" });
}
