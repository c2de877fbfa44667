/**
 * The docs' ```ts runnable blocks, executed against DynamoDB Local: each page's runnable blocks, in reading order,
 * as one module (scripts/doc-blocks.mjs), with tables prefixed per page. A block that throws fails the test of its
 * page. (Every ```ts block, runnable or not, is also type-checked against the build by scripts/check-doc-blocks.mjs.)
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { docFiles, pageModule, root } from "../../scripts/doc-blocks.mjs";
import dynamodel from "../../src/index.js";
import { localClient } from "../support/local.js";

const outDir = join(root, ".scratch", "doc-run", String(process.pid));
const source = join(root, "src", "index.ts");
const pages = docFiles()
  .map((file: string) => pageModule(file, "runnable"))
  .filter((page) => page !== null);

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
      writeFileSync(path, page.text.replace(/from\s+["']dynamodel["']/g, `from ${JSON.stringify(source)}`));
      dynamodel.Table.defaults.set({ prefix: `docs_${process.pid}_${name}_` });
      const log = vi
        .spyOn(console, "log")
        .mockImplementation((...args) => process.env.DOCS_SHOW_LOG && process.stderr.write(`${args.map(String).join(" ")}\n`));
      try {
        await import(path);
      } finally {
        log.mockRestore();
        dynamodel.Table.defaults.set({});
      }
    });
  }
});
