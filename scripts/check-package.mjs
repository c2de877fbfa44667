#!/usr/bin/env node
// Tries the package the way a user gets it: a fresh clone of the committed HEAD, `npm ci`, `npm pack` (whose
// `prepack` builds dist/), the tarball's file list and size, `npm publish --dry-run`, then a new app that installs the
// tarball with its peer dependencies and checks the three import styles (scripts/check-imports.mjs) and a consumer
// type-check (test/package/) with TypeScript 5.9 and 7.
// Usage: node scripts/check-package.mjs [--keep]   (--keep leaves the temporary folder for a look)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "dynamodel-package-"));
const keep = process.argv.includes("--keep");
const versions = JSON.parse(
  execFileSync("node", ["-p", "JSON.stringify(require('./package.json').devDependencies)"], { cwd: root, encoding: "utf8" }),
);
const typescript7 = "typescript@7.0.2";
const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok ${name}`);
  } catch (error) {
    failed++;
    console.error(`FAILED ${name}\n${error.stdout ?? ""}${error.stderr ?? ""}${error.message}`);
  }
}
function run(command, args, cwd, options = {}) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
}

// The files a user must get, and nothing from the working tree beyond the `files` list.
const required = [
  "package.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  "dist/index.js",
  "dist/index.cjs",
  "dist/index.d.ts",
  "dist/index.d.cts",
];
const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/index\.(js|cjs|d\.ts|d\.cts|js\.map|cjs\.map))$/;

const clone = join(work, "clone");
const app = join(work, "app");
let tarball = "";
try {
  check("a fresh clone installs and packs (prepack builds dist/)", () => {
    run("git", ["clone", "--quiet", "--no-hardlinks", root, clone], work);
    run("npm", ["ci", ...quiet], clone);
    // The prepack build prints to stdout too: the JSON report is the last thing printed.
    const output = run("npm", ["pack", "--json", "--pack-destination", work], clone);
    const [packed] = JSON.parse(output.slice(output.lastIndexOf("\n[\n") + 1));
    tarball = join(work, packed.filename);
    const names = packed.files.map((f) => f.path);
    const missing = required.filter((f) => !names.includes(f));
    const extra = names.filter((f) => !allowed.test(f));
    if (missing.length > 0) throw new Error(`missing from the tarball: ${missing.join(", ")}`);
    if (extra.length > 0) throw new Error(`unexpected files in the tarball: ${extra.join(", ")}`);
    const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(`  ${packed.filename}: ${names.length} files, ${kib(packed.size)} packed, ${kib(packed.unpackedSize)} unpacked`);
    // Bounds that catch an empty package (no dist/) and an accidental bundle of dependencies or sources.
    if (packed.size < 100 * 1024 || packed.size > 2 * 1024 * 1024)
      throw new Error(`tarball size ${kib(packed.size)} is out of bounds (100 KiB..2 MiB)`);
  });
  if (!tarball) throw new Error("no tarball: the remaining checks need one");

  check("npm publish --dry-run accepts the package", () => {
    // dist/ is already built by the pack above: skip the lifecycle scripts rather than build a second time.
    run("npm", ["publish", "--dry-run", "--ignore-scripts", ...quiet], clone);
  });

  check("a new app installs the tarball with its peer dependencies", () => {
    run("mkdir", ["-p", app], work);
    writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "consumer-app", private: true, type: "module" }, null, 2)}\n`);
    const peers = ["@aws-sdk/client-dynamodb", "@aws-sdk/util-dynamodb"].map((name) => `${name}@${versions[name]}`);
    run(
      "npm",
      ["install", ...quiet, tarball, ...peers, `typescript@${versions.typescript}`, `@types/node@${versions["@types/node"]}`],
      app,
    );
    // TypeScript 7 in a folder of its own, so both compilers check the same app.
    run("npm", ["install", ...quiet, "--prefix", join(app, "ts7"), typescript7], app);
  });

  check("the three import styles load the installed package", () => {
    const output = run("node", [join(root, "scripts", "check-imports.mjs")], root, { env: { ...process.env, DYNAMODEL_APP: app } });
    process.stdout.write(output.replace(/^/gm, "  "));
  });

  for (const file of readdirSync(join(root, "test", "package"))) copyFileSync(join(root, "test", "package", file), join(app, file));
  for (const [name, tsc] of [
    [`TypeScript ${versions.typescript}`, join(app, "node_modules", ".bin", "tsc")],
    [typescript7.replace("typescript@", "TypeScript "), join(app, "ts7", "node_modules", ".bin", "tsc")],
  ]) {
    check(`a consumer compiles against the installed types, declarations emitted (${name}, ESM and CJS)`, () => {
      statSync(tsc);
      run(tsc, ["-p", app], app);
    });
    check(`a consumer without @types/node gets exact item types, no \`any\` (${name})`, () => {
      run(tsc, ["-p", join(app, "tsconfig.no-node.json")], app);
    });
  }
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) process.exit(1);
