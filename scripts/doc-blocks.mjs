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

/**
 * The imports of a page's blocks, merged per module: two blocks may import the same default or different names from
 * one module (`import dynamodel from "dynamodel"`, later `import dynamodel, { type InferItem } from "dynamodel"`).
 */
class ImportSet {
  #modules = new Map();

  add(statement, line) {
    const match = /^import\s+(type\s+)?(.*?)\s*from\s+["']([^"']+)["'];?$/.exec(statement);
    if (!match) {
      this.#entry(statement, line).bare = true;
      return;
    }
    const [, typeOnly, clause, from] = match;
    const entry = this.#entry(from, line);
    const named = /\{([^}]*)\}/.exec(clause);
    for (const name of named ? named[1].split(",") : []) if (name.trim()) entry.named.add(`${typeOnly ? "type " : ""}${name.trim()}`);
    const rest = clause
      .replace(/\{[^}]*\}/, "")
      .replace(/,\s*$/, "")
      .replace(/^\s*,/, "")
      .trim();
    const namespace = /^\*\s+as\s+(\w+)$/.exec(rest) ?? /,\s*\*\s+as\s+(\w+)$/.exec(rest);
    if (namespace) entry.namespaces.add(namespace[1]);
    const main = rest.replace(/,?\s*\*\s+as\s+\w+$/, "").trim();
    if (main && !main.startsWith("*")) entry.defaults.add(main);
  }

  #entry(from, line) {
    if (!this.#modules.has(from))
      this.#modules.set(from, { line, bare: false, defaults: new Set(), namespaces: new Set(), named: new Set() });
    return this.#modules.get(from);
  }

  /** One import statement per module (and per namespace name), with the Markdown line that first imported it. */
  lines() {
    const out = [];
    for (const [from, entry] of this.#modules) {
      if (entry.bare) {
        out.push({ text: from, line: entry.line });
        continue;
      }
      const parts = [...entry.defaults];
      if (entry.named.size > 0) parts.push(`{ ${[...entry.named].join(", ")} }`);
      if (parts.length > 0) out.push({ text: `import ${parts.join(", ")} from "${from}";`, line: entry.line });
      for (const name of entry.namespaces) out.push({ text: `import * as ${name} from "${from}";`, line: entry.line });
    }
    return out;
  }
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
  const imports = new ImportSet();
  const body = [];
  // Imports come from every block (a runnable block may rely on an import shown in an earlier one).
  for (const block of all) {
    const kept = blocks.includes(block);
    if (kept) body.push({ text: ";", line: 0 }); // keeps a block from continuing the previous one's last statement
    block.code.forEach((text, index) => {
      const statement = text.replace(/\s*\/\/.*$/, "").trim();
      if (importLine.test(statement)) imports.add(statement, block.line + index);
      else if (kept) body.push({ text, line: block.line + index });
    });
  }
  const prelude = [];
  for (const text of [preludeFile(file), inlinePrelude(markdown)].filter(Boolean).join("\n").split("\n")) {
    if (importLine.test(text.trim())) imports.add(text.trim(), 0);
    else prelude.push({ text, line: 0 });
  }
  const lines = [...imports.lines(), ...prelude, ...body, { text: "export {};", line: 0 }];
  return { file, text: lines.map((entry) => entry.text).join("\n"), lineMap: lines.map((entry) => entry.line) };
}
