/**
 * The docs' ```ts runnable blocks, executed against DynamoDB Local: each page's runnable blocks, in reading order,
 * as one module (scripts/doc-blocks.mjs), with tables prefixed per page. A block that throws fails the test of its
 * page, and so does a `console.log(...)` whose comment says what it prints (`// → [ 2, 1 ] 2 2`) and that prints
 * anything else, or never runs. (Every ```ts block, runnable or not, is also type-checked against the build by
 * scripts/check-doc-blocks.mjs.)
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { docFiles, type PageModule, pageModule, root } from "../../scripts/doc-blocks.mjs";
import dynamodel from "../../src/index.js";
import { localClient } from "../support/local.js";

const outDir = join(root, ".scratch", "doc-run", String(process.pid));
const source = join(root, "src", "index.ts");
const pages = docFiles()
  .map((file: string) => pageModule(file, "runnable"))
  .filter((page) => page !== null);

/** A line printing what its `// →` comment says: `console.log(a, b); // → 1 2`. */
const printsLine = /^(.*?)console\.log\((.*)\s*\/\/\s*→\s?(.*)$/;

/**
 * The page's module with each `// →` line's `console.log(` replaced by a check of what it prints; `expected` lists
 * those lines (Markdown line and expected text) in the order of the page.
 */
function withPrintChecks(page: PageModule): { text: string; expected: Map<number, string> } {
  const expected = new Map<number, string>();
  const lines = page.text.split("\n").map((text, index) => {
    const match = printsLine.exec(text);
    const line = page.lineMap[index] ?? 0;
    if (!match || line === 0) return text;
    expected.set(line, (match[3] ?? "").trimEnd());
    return `${match[1]}(globalThis as unknown as DocPrints).__docPrints(${line}, ${match[2]}`;
  });
  return { text: lines.join("\n"), expected };
}

/** The hook a checked line calls instead of `console.log`. */
interface DocPrints {
  __docPrints?: (line: number, ...args: unknown[]) => void;
}

beforeAll(() => {
  mkdirSync(outDir, { recursive: true });
  dynamodel.aws.ddb.set(localClient());
});
afterAll(() => {
  dynamodel.Table.defaults.set({});
  rmSync(outDir, { recursive: true, force: true });
});

describe("runnable doc blocks", () => {
  it("finds some", () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    it(`runs the runnable blocks of ${page.file}`, async () => {
      const name = page.file.replace(/[^A-Za-z0-9]+/g, "_");
      const path = join(outDir, `${name}.ts`);
      const { text, expected } = withPrintChecks(page);
      writeFileSync(path, text.replace(/from\s+["']dynamodel["']/g, `from ${JSON.stringify(source)}`));
      const printed = new Map<number, string>();
      const hook = globalThis as unknown as DocPrints;
      hook.__docPrints = (line, ...args) => {
        const got = format(...args);
        if (got !== expected.get(line)) throw new Error(`${page.file}:${line} prints ${got}, the page says ${expected.get(line)}`);
        printed.set(line, got);
      };
      dynamodel.Table.defaults.set({ prefix: `docs_${process.pid}_${name}_` });
      const log = vi
        .spyOn(console, "log")
        .mockImplementation((...args) => process.env.DOCS_SHOW_LOG && process.stderr.write(`${args.map(String).join(" ")}\n`));
      try {
        await import(path);
        const silent = [...expected.keys()].filter((line) => !printed.has(line));
        expect(silent, `${page.file}: lines whose "// →" print never ran`).toEqual([]);
      } finally {
        delete hook.__docPrints;
        log.mockRestore();
        dynamodel.Table.defaults.set({});
      }
    });
  }
});
