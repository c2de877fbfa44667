/**
 * Type-check cost: `tsc --noEmit` (the root's TypeScript) on a generated file with a 40-attribute model and 20
 * typed calls (`typecheck-sources.ts`), for dynamodel, ElectroDB and DynamoDB-Toolbox, minus the same on an empty
 * file. Median of 3 runs each, alternating. Dynamoose's types do not infer items from the schema (its reads are
 * typed by an interface the user writes), and raw code has no model: both are `n/a`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { BUILD_DIR } from "../lib/build.js";
import { type Row, byContender } from "../lib/report.js";
import { median } from "../lib/timing.js";
import { dynamodelSource, electrodbSource, toolboxSource } from "./typecheck-sources.js";

const RUNS = 3;
const DIR = `${BUILD_DIR}types/`;
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The typed contenders and their generated sources. */
const SOURCES = { dynamodel: () => dynamodelSource(ROOT), electrodb: electrodbSource, toolbox: toolboxSource } as const;
type Typed = keyof typeof SOURCES;
const TYPED = Object.keys(SOURCES) as Typed[];

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

/** One `tsc --noEmit --extendedDiagnostics` run: wall ms and the figures it reports. */
function tscRun(tsc: string, project: string) {
  const started = performance.now();
  let output = "";
  try {
    output = execFileSync(process.execPath, [tsc, "-p", `${DIR}${project}`, "--extendedDiagnostics"], { encoding: "utf8" });
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? "";
    throw new Error(`tsc failed on the generated ${project} (did a contender's types change?):\n${out.split("\n").slice(0, 20).join("\n")}`);
  }
  const ms = performance.now() - started;
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(output)?.[1] ?? Number.NaN);
  return { ms, checkS: field("Check time"), instantiations: field("Instantiations"), types: field("Types") };
}

export async function typecheckWorkload(log: (line: string) => void): Promise<Row> {
  log("types: tsc --noEmit");
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}empty.ts`, "export {};\n");
  writeFileSync(`${DIR}tsconfig.empty.json`, JSON.stringify(tsconfig("empty.ts"), null, 2));
  for (const name of TYPED) {
    writeFileSync(`${DIR}typed-${name}.ts`, SOURCES[name]());
    writeFileSync(`${DIR}tsconfig.${name}.json`, JSON.stringify(tsconfig(`typed-${name}.ts`), null, 2));
  }
  const tsc = createRequire(`${ROOT}package.json`).resolve("typescript/lib/tsc.js");
  const empty: ReturnType<typeof tscRun>[] = [];
  const typed = Object.fromEntries(TYPED.map((name) => [name, [] as ReturnType<typeof tscRun>[]])) as Record<Typed, ReturnType<typeof tscRun>[]>;
  for (let i = 0; i < RUNS; i++) {
    empty.push(tscRun(tsc, "tsconfig.empty.json"));
    for (let k = 0; k < TYPED.length; k++) {
      const name = TYPED[(i + k) % TYPED.length] as Typed;
      typed[name].push(tscRun(tsc, `tsconfig.${name}.json`));
    }
  }
  const emptyMs = median(empty.map((r) => r.ms));
  const over = (name: Typed) => median(typed[name].map((r) => r.ms)) - emptyMs;
  const figures = (name: Typed) => {
    const last = typed[name][typed[name].length - 1];
    return `${name} ${last?.instantiations} instantiations, ${last?.types} types, check ${last?.checkS} s`;
  };
  return {
    workload: "type-check (40 attrs, 20 calls)",
    unit: "ms",
    better: "lower",
    values: byContender((name) => (name in SOURCES ? over(name as Typed) : null)),
    target: { kind: "value-at-most", value: 1500 },
    notes: [
      `tsc --noEmit wall time over an empty file (${Math.round(emptyMs)} ms); ${TYPED.map(figures).join("; ")}`,
      "Dynamoose: n/a (its items are typed by an interface the user writes, not inferred from the schema); ElectroDB and Toolbox have no Date type (an epoch number instead)",
    ],
    detail: {
      emptyMs: empty.map((r) => Math.round(r.ms)),
      ...Object.fromEntries(TYPED.map((name) => [name, { ms: typed[name].map((r) => Math.round(r.ms)), last: typed[name][typed[name].length - 1] }])),
    },
  };
}
