#!/usr/bin/env node
// Type-checks every ```ts block of README.md and docs/**/*.md against the built package (dist/index.d.ts), one
// module per page (see scripts/doc-blocks.mjs). Builds first when dist/ is missing or older than src/. A block that
// stops compiling fails `npm test`, with the Markdown file and line of the error.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { docFiles, pageModule, root } from "./doc-blocks.mjs";

const dts = join(root, "dist", "index.d.ts");

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let built = 0;
try {
  built = statSync(dts).mtimeMs;
} catch {}
if (built < newestIn(join(root, "src"))) {
  console.log("doc blocks: building the package first (dist/ is missing or older than src/)");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

const outDir = join(root, ".scratch", "doc-blocks");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const modules = new Map();
for (const file of docFiles()) {
  const page = pageModule(file);
  if (page === null) continue;
  const path = join(outDir, `${file.replaceAll("/", "__").replace(/\.md$/, "")}.ts`);
  writeFileSync(path, page.text);
  modules.set(path, page);
}

// The compiler options, also written as a tsconfig.json beside the modules, which `npm run docs:check` then checks a
// second time with TypeScript 7 (scripts/ts7.mjs).
const compilerOptions = {
  target: "ES2022",
  lib: ["ES2022"],
  module: "ESNext",
  moduleResolution: "Bundler",
  types: ["node"],
  typeRoots: [join(root, "node_modules", "@types")],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  allowUnreachableCode: true,
  paths: { dynamodel: [dts] },
};
writeFileSync(join(outDir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }, null, 2));
const { options, errors } = ts.convertCompilerOptionsFromJson(compilerOptions, outDir);
if (errors.length > 0) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n")).join("\n"));
const program = ts.createProgram([...modules.keys()], options);
const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || modules.has(d.file.fileName));

for (const diagnostic of diagnostics) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (!diagnostic.file) {
    console.error(`doc blocks: ${message}`);
    continue;
  }
  const page = modules.get(diagnostic.file.fileName);
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  const mdLine = page.lineMap[line];
  const where = mdLine ? `${page.file}:${mdLine}` : `${page.file} (prelude, line ${line + 1} of ${diagnostic.file.fileName})`;
  console.error(`${where}: error TS${diagnostic.code}: ${message}`);
}
console.log(`doc blocks: ${modules.size} pages type-checked against dist/index.d.ts, ${diagnostics.length} errors`);
process.exit(diagnostics.length === 0 ? 0 : 1);
