// The ```ts blocks of the docs (README.md and docs/**/*.md), gathered into one TypeScript module per page so that
// they can be type-checked against the built package (scripts/check-doc-blocks.mjs) and, for the blocks marked
// `runnable`, executed against DynamoDB Local (test/integration/docs-runnable.test.ts).
//
// A page's blocks build on each other in reading order, as a reader reads them: a later block may use what an earlier
// one declared. Imports are hoisted and deduplicated. What a page takes for granted without showing it (a helper such
// as `handle(page)`) goes in an HTML comment the site does not show:
//
//   <!-- doc-check: declare function handle(page: unknown): void; -->
//
// or, for a page other sessions edit, in scripts/doc-preludes/<path with "/" as "__">.ts.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "..");

const skipDirs = new Set(["node_modules", "api", ".vitepress", "browser-test"]);

/** The Markdown files whose blocks are checked, relative to the repository root. */
export function docFiles() {
  const files = ["README.md"];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) {
        if (!skipDirs.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.name.endsWith(".md")) files.push(relative(root, join(dir, entry.name)));
    }
  };
  walk(join(root, "docs"));
  return files;
}

const importLine = /^import\s[^;]*\sfrom\s+["'][^"']+["'];?\s*$|^import\s+["'][^"']+["'];?\s*$/;

/**
 * The ```ts blocks of one Markdown file: `{ line, code, runnable }`, `line` being the 1-based line of the block's
 * first code line.
 */
export function extractBlocks(markdown) {
  const lines = markdown.split("\n");
  const blocks = [];
  let fence = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/.exec(line);
    if (fence === null) {
      if (!open) continue;
      const lang = open[3];
      fence = { marker: open[2], indent: open[1].length, lang, info: open[4], start: i + 1, body: [] };
      continue;
    }
    const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
    if (close && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length) {
      if (fence.lang === "ts" || fence.lang === "typescript") {
        const words = fence.info.split(/[\s{}]+/);
        blocks.push({ line: fence.start + 1, code: fence.body, runnable: words.includes("runnable") });
      }
      fence = null;
      continue;
    }
    fence.body.push(line.slice(Math.min(fence.indent, line.length - line.trimStart().length)));
  }
  return blocks;
}

/** The `<!-- doc-check: ... -->` comments of a page, joined. */
function inlinePrelude(markdown) {
  return [...markdown.matchAll(/<!--\s*doc-check:([\s\S]*?)-->/g)].map((m) => m[1].trim()).join("\n");
}

/** The prelude file of a page, if any. */
function preludeFile(file) {
  const path = join(root, "scripts", "doc-preludes", `${file.replaceAll("/", "__")}.ts`);
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

/**
 * One page as a module: `{ file, text, lineMap }`, where `lineMap[i]` is the Markdown line of the module's line
 * `i + 1` (0 for generated lines). `only: "runnable"` keeps the runnable blocks alone; `null` when nothing is kept.
 */
export function pageModule(file, only) {
  const markdown = readFileSync(join(root, file), "utf8");
  const all = extractBlocks(markdown);
  const blocks = all.filter((block) => only !== "runnable" || block.runnable);
  if (blocks.length === 0) return null;
  const imports = [];
  const seen = new Set();
  const body = [];
  // Imports come from every block (a runnable block may rely on an import shown in an earlier one).
  for (const block of all) {
    const kept = blocks.includes(block);
    if (kept) body.push({ text: ";", line: 0 }); // keeps a block from continuing the previous one's last statement
    block.code.forEach((text, index) => {
      const key = text.replace(/\s*\/\/.*$/, "").trim();
      if (importLine.test(key)) {
        if (!seen.has(key)) {
          seen.add(key);
          imports.push({ text: key, line: block.line + index });
        }
      } else if (kept) body.push({ text, line: block.line + index });
    });
  }
  const prelude = [preludeFile(file), inlinePrelude(markdown)].filter(Boolean).join("\n").split("\n").map((text) => ({ text, line: 0 }));
  const lines = [...imports, ...prelude, ...body, { text: "export {};", line: 0 }];
  return { file, text: lines.map((entry) => entry.text).join("\n"), lineMap: lines.map((entry) => entry.line) };
}
