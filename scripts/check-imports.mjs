#!/usr/bin/env node
// Checks the built package's three import styles from a consumer's point of view (the package resolves itself by
// name through its `exports` map): ESM default, ESM namespace, and CommonJS require. With DYNAMODEL_APP set to an app
// folder that installed the package (scripts/check-package.mjs does, from the packed tarball), the checks run there.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const installed = process.env.DYNAMODEL_APP;
const dir = installed ?? mkdtempSync(join(tmpdir(), "dynamodel-imports-"));
if (!installed) {
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "dynamodel"), "dir");
}

const expected = ["Schema", "model", "Table", "Condition", "Instance", "transaction", "aws", "type", "error"];
const checks = {
  "esm-default.mjs": `import dynamodel from "dynamodel"; check(dynamodel);`,
  "esm-namespace.mjs": `import * as dynamodel from "dynamodel"; check(dynamodel);`,
  "cjs-require.cjs": `const dynamodel = require("dynamodel"); check(dynamodel);`,
};
const prelude = `const expected = ${JSON.stringify(expected)};
function check(d) {
  for (const name of expected) if (d[name] === undefined) throw new Error("missing export: " + name);
  const schema = new d.Schema({ id: { type: String, hashKey: true }, n: Number });
  const M = d.model("Import" + Math.random().toString(36).slice(2), schema);
  if (typeof M.get !== "function" || typeof d.aws.ddb !== "function") throw new Error("model or aws.ddb missing");
  if (!(new d.error.TypeMismatch("x") instanceof Error)) throw new Error("error classes missing");
}
`;
let failed = false;
try {
  for (const [file, body] of Object.entries(checks)) {
    const type = file.endsWith(".cjs") ? "commonjs" : "module";
    execFileSync("node", [`--input-type=${type}`, "-e", `${prelude}${body}`], { cwd: dir, stdio: "inherit" });
    console.log(`ok ${file.replace(/\.[cm]js$/, "")}`);
  }
} catch (error) {
  failed = true;
  console.error(error.message);
} finally {
  if (!installed) rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log("3 passed, 0 failed");
