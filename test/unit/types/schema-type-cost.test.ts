import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { dynamodelSource } from "../../../bench/src/workloads/typecheck-sources.js";

/**
 * TypeScript 5.9. Those counts were made without `@types/node` (`types: []` below), where every `Object`/`Array`/`Set`
 * attribute degraded to `any` through an unresolved `BufferConstructor`: 23,645 before the shape stopped descending into
 * settings other than `schema`, 17,966 after, 16,922 once array children were checked by index. With that fixed (Buffer
 * types read from `globalThis`), the same check counts 32,042, as `npm run bench -- --only types` does with @types/node
 * (32,455). 16,339 once the definition was no longer related to its inferred shape (the shape sits in a branch of a
 * conditional that an inferred shape never takes). 3% headroom.
 */
const BUDGET = 16_800;
/**
 * The whole fixture (the 40-attribute schema, its model and the 20 typed calls), against src/: 57,737 when this budget
 * was added, 53,417 once an update's removable attributes were read from the input type's required keys and attribute
 * paths stopped at leaves, 37,625 with the cheaper `new Schema` above, 36,424 with the update type left an
 * intersection. 3% headroom.
 */
const FIXTURE_BUDGET = 37_500;
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The bench's type-check fixture, against src/ rather than dist/. */
const fixture = (): string => dynamodelSource(ROOT).replace(`${ROOT}dist/index.js`, `${ROOT}src/index.js`);

/** Instantiations TypeScript makes to check `source` (a file importing src/), which must compile. */
function instantiations(source: string): number {
  const dir = mkdtempSync(join(tmpdir(), "dynamodel-type-cost-"));
  try {
    const file = join(dir, "schema.ts");
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const checked = program.getSourceFile(file);
    const errors = program.getSemanticDiagnostics(checked).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(errors).toEqual([]);
    return program.getInstantiationCount();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The typed callbacks infer the definition a second time (its shape) and check it against the typed form; this keeps
// that cost in bounds on the bench's 40-attribute model (`npm run bench -- --only types`). Deterministic for one
// TypeScript version: the count does not depend on the machine's load.
describe("type-check cost of new Schema (typed callbacks) and of the bench fixture", () => {
  it("checks the bench's 40-attribute schema within its instantiation budget", () => {
    const full = fixture();
    const count = instantiations(full.slice(0, full.indexOf("const Big")));
    expect(count, `new Schema (40 attributes): ${count} instantiations`).toBeLessThan(BUDGET);
  }, 120_000);

  it("checks the whole fixture (model, 5 each of get, create, update, query) within its budget", () => {
    const count = instantiations(fixture());
    expect(count, `bench fixture: ${count} instantiations`).toBeLessThan(FIXTURE_BUDGET);
  }, 120_000);
});
