/**
 * `npm --prefix bench run bundle-breakdown`: what the one-get dynamodel handler's bundle is made of, by `src/` file.
 * Bundles `src/handlers/dynamodel.ts` (and, for its total only, `dynamodel-default.ts`) like the bundle workload,
 * but from dynamodel's TypeScript sources (not the single-file `dist/`), so that esbuild's metafile attributes the
 * minified bytes to each source file.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const SRC = fileURLToPath(new URL("../", import.meta.url));
const ROOT_SRC = fileURLToPath(new URL("../../../src/index.ts", import.meta.url));

const bundleFromSrc = (entry: string) =>
  build({
    entryPoints: [`${SRC}handlers/${entry}`],
    bundle: true,
    write: false,
    outfile: "breakdown.mjs",
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    legalComments: "none",
    external: ["@aws-sdk/*"],
    metafile: true,
    logLevel: "error",
    plugins: [
      {
        name: "dist-to-src",
        setup(b) {
          b.onResolve({ filter: /dist\/index\.js$/ }, () => ({ path: ROOT_SRC }));
        },
      },
    ],
  });
const result = await bundleFromSrc("dynamodel.ts");
const defaultForm = (await bundleFromSrc("dynamodel-default.ts")).outputFiles[0]?.contents ?? new Uint8Array();
const output = Object.values(result.metafile.outputs)[0];
if (!output) throw new Error("no output");
const code = result.outputFiles[0]?.contents ?? new Uint8Array();
const total = Object.values(output.inputs).reduce((sum, input) => sum + input.bytesInOutput, 0);
process.stdout.write(`minified ${code.length} B, gzip ${gzipSync(code, { level: 9 }).length} B (from src/, import * as dynamodel)\n`);
const defaultGzip = gzipSync(defaultForm, { level: 9 }).length;
process.stdout.write(`default import (import dynamodel from): minified ${defaultForm.length} B, gzip ${defaultGzip} B\n\n`);
const byDir = new Map<string, number>();
const rows = Object.entries(output.inputs)
  .map(([file, input]) => ({ file: file.replace(/^.*?\/src\//, "src/"), bytes: input.bytesInOutput }))
  .sort((a, b) => b.bytes - a.bytes);
for (const { file, bytes } of rows) {
  const dir = file.split("/").slice(0, 2).join("/");
  byDir.set(dir, (byDir.get(dir) ?? 0) + bytes);
}
process.stdout.write("minified bytes by folder:\n");
for (const [dir, bytes] of [...byDir].sort((a, b) => b[1] - a[1])) {
  process.stdout.write(`${String(bytes).padStart(7)}  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${dir}\n`);
}
process.stdout.write("\nlargest files:\n");
for (const { file, bytes } of rows.slice(0, 25)) process.stdout.write(`${String(bytes).padStart(7)}  ${file}\n`);
