/**
 * Type-check cost: `tsc --noEmit` (the root's TypeScript) on a generated file with a 40-attribute dynamodel schema
 * and 20 typed calls, minus the same on an empty file. Median of 3 runs each, alternating.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { BUILD_DIR } from "../lib/build.js";
import type { Row } from "../lib/report.js";
import { median } from "../lib/timing.js";

const RUNS = 3;
const DIR = `${BUILD_DIR}types/`;
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Ten attribute shapes, repeated four times: 40 attributes plus the keys. */
const SHAPES = [
  "String",
  "Number",
  "{ type: String, required: true }",
  "{ type: Number, default: 0 }",
  "{ type: Set, schema: [String] }",
  "{ type: Array, schema: [{ type: Object, schema: { a: String, b: { type: Number, required: true } } }] }",
  '{ type: String, enum: ["a", "b", "c"] }',
  "{ type: Object, schema: { x: Date, y: { type: Object, schema: { z: Boolean } } } }",
  "Date",
  "{ type: Number, validate: (v: number) => v >= 0 }",
];

/**
 * The generated source: one model, 20 calls whose results are used through their inferred types (5 each of get,
 * create, update and query; the query uses Dynamoose's object form so that it compiles before and after the
 * Query builder gets typed conditions).
 */
export function typedSource(): string {
  const attributes = Array.from({ length: 40 }, (_, i) => `    a${i}: ${SHAPES[i % SHAPES.length]},`).join("\n");
  const calls: string[] = [];
  for (let i = 0; i < 5; i++) {
    const k = (i % 4) * 10; // a block of the ten shapes
    const key = `{ pk: "p${i}", sk: ${i} }`;
    calls.push(
      `  const got${i} = await Big.get(${key});`,
      `  if (got${i}) use(got${i}.a${k}?.toUpperCase(), got${i}.a${k + 5}?.[0]?.b.toFixed(), got${i}.a${k + 7}?.y?.z, got${i}.a${k + 4}?.has("x"));`,
      `  const made${i} = await Big.create({ ...${key}, a2: "x", a12: "y", a22: "z", a32: "w", a${k + 1}: ${i}, a${k + 6}: "b", a${k + 8}: new Date() });`,
      `  use(made${i}.a${k + 3}.toFixed(), made${i}.createdAt.getTime());`,
      `  const changed${i} = await Big.update(${key}, { a${k + 1}: ${i}, $ADD: { a${k + 3}: 1, a${k + 4}: ["t"] }, $REMOVE: ["a${k}"] });`,
      `  use(changed${i}.a${k + 9}, changed${i}.updatedAt);`,
      `  const found${i} = await Big.query({ pk: { eq: "p${i}" } }).exec();`,
      `  use(found${i}.length);`,
    );
  }
  return `import dynamodel from "${ROOT}dist/index.js";

const schema = new dynamodel.Schema(
  {
    pk: { type: String, hashKey: true },
    sk: { type: Number, rangeKey: true },
${attributes}
  },
  { timestamps: true },
);
const Big = dynamodel.model("Big", schema);
declare function use(...values: unknown[]): void;

export async function calls() {
${calls.join("\n")}
}
`;
}

const tsconfig = (file: string) => ({
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022"],
    module: "ESNext",
    moduleResolution: "Bundler",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  files: [file],
});

export async function typecheckWorkload(log: (line: string) => void): Promise<Row> {
  log("types: tsc --noEmit");
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}empty.ts`, "export {};\n");
  writeFileSync(`${DIR}typed.ts`, typedSource());
  writeFileSync(`${DIR}tsconfig.empty.json`, JSON.stringify(tsconfig("empty.ts"), null, 2));
  writeFileSync(`${DIR}tsconfig.typed.json`, JSON.stringify(tsconfig("typed.ts"), null, 2));
  const tsc = createRequire(`${ROOT}package.json`).resolve("typescript/lib/tsc.js");
  const run = (project: string) => {
    const started = performance.now();
    let output = "";
    try {
      output = execFileSync(process.execPath, [tsc, "-p", `${DIR}${project}`, "--extendedDiagnostics"], { encoding: "utf8" });
    } catch (error) {
      const out = (error as { stdout?: string }).stdout ?? "";
      throw new Error(`tsc failed on the generated ${project} (did dynamodel's types change?):\n${out.split("\n").slice(0, 20).join("\n")}`);
    }
    const ms = performance.now() - started;
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(output)?.[1] ?? Number.NaN);
    return { ms, checkS: field("Check time"), instantiations: field("Instantiations"), types: field("Types") };
  };
  const empty: ReturnType<typeof run>[] = [];
  const typed: ReturnType<typeof run>[] = [];
  for (let i = 0; i < RUNS; i++) {
    empty.push(run("tsconfig.empty.json"));
    typed.push(run("tsconfig.typed.json"));
  }
  const emptyMs = median(empty.map((r) => r.ms));
  const typedMs = median(typed.map((r) => r.ms));
  const last = typed[typed.length - 1];
  return {
    workload: "type-check (40 attrs, 20 calls)",
    unit: "ms",
    better: "lower",
    values: { raw: null, dynamoose: null, dynamodel: typedMs - emptyMs },
    target: { kind: "value-at-most", value: 1500 },
    notes: [
      `tsc --noEmit wall time over an empty file (${Math.round(emptyMs)} ms); dynamodel only; ${last?.instantiations} instantiations, ${last?.types} types, check ${last?.checkS} s`,
    ],
    detail: { emptyMs: empty.map((r) => Math.round(r.ms)), typedMs: typed.map((r) => Math.round(r.ms)), typed: last },
  };
}
