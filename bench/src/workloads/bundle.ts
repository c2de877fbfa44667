/**
 * Bundle size: esbuild bundle of a one-get handler (`src/handlers/*.ts`), `@aws-sdk/*` external, minified, gzip -9.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { bundle } from "../lib/build.js";
import { CONTENDERS, type ContenderName, type Row } from "../lib/report.js";

export async function bundleWorkload(log: (line: string) => void): Promise<Row> {
  log("bundle: esbuild");
  const values = {} as Record<ContenderName, number>;
  const detail: Record<string, unknown> = {};
  for (const name of CONTENDERS) {
    const { outfile, metafile } = await bundle(`handlers/${name}.ts`, `handler-${name}.mjs`);
    const code = readFileSync(outfile);
    const gzip = gzipSync(code, { level: 9 }).length;
    values[name] = gzip / 1024;
    const inputs = Object.entries(metafile.outputs[Object.keys(metafile.outputs)[0] as string]?.inputs ?? {})
      .map(([file, info]) => ({ file, bytes: info.bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 8);
    detail[name] = { minifiedBytes: code.length, gzipBytes: gzip, largestInputs: inputs };
  }
  // The same dynamodel handler with the default import (`import dynamodel from`): recorded beside the row (ADR 5).
  const defaultForm = readFileSync((await bundle("handlers/dynamodel-default.ts", "handler-dynamodel-default.mjs")).outfile);
  const defaultGzip = gzipSync(defaultForm, { level: 9 }).length;
  detail.dynamodelDefaultImport = { minifiedBytes: defaultForm.length, gzipBytes: defaultGzip };
  return {
    workload: "bundle (one-get handler)",
    unit: "KiB",
    better: "lower",
    values,
    target: { kind: "value-at-most", value: 12 },
    notes: [
      "esbuild ESM, minified, @aws-sdk/* external, gzip -9; includes the User schema and a ~90-byte createRequire banner",
      "Toolbox: its per-feature entry points (Table, Entity, item schema, GetItemCommand); ElectroDB: its one entry point (Entity)",
      `dynamodel: \`import * as dynamodel\` (Dynamoose's README form); with the default import: ${(defaultGzip / 1024).toFixed(1)} KiB`,
    ],
    detail,
  };
}
