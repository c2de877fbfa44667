/**
 * `npm --prefix bench run bundle-breakdown`: what the one-get dynamodel handler's bundle is made of, by `src/` file.
 * Bundles `src/handlers/dynamodel.ts` (and, for its total only, `dynamodel-default.ts`) like the bundle workload,
 * but from dynamodel's TypeScript sources (not the single-file `dist/`), so that its source map attributes the
 * minified bytes to each source file, and what each file and folder costs in gzip bytes (`gzip-shares.ts`).
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { gzipShares } from "./gzip-shares.js";

const SRC = fileURLToPath(new URL("../", import.meta.url));
const ROOT_SRC = fileURLToPath(new URL("../../../src/index.ts", import.meta.url));

const bundleFromSrc = (entry: string) =>
  build({
    entryPoints: [`${SRC}handlers/${entry}`],
    bundle: true,
    write: false,
    outfile: "breakdown.mjs",
    sourcemap: "external",
    sourcesContent: false,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    legalComments: "none",
    external: ["@aws-sdk/*"],
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
const isCode = (file: { path: string }) => file.path.endsWith(".mjs");
const defaultForm = (await bundleFromSrc("dynamodel-default.ts")).outputFiles.find(isCode)?.contents ?? new Uint8Array();
const codeFile = result.outputFiles.find(isCode);
const mapFile = result.outputFiles.find((file) => file.path.endsWith(".map"));
if (!codeFile || !mapFile) throw new Error("no output");
const code = codeFile.contents;
process.stdout.write(`minified ${code.length} B, gzip ${gzipSync(code, { level: 9 }).length} B (from src/, import * as dynamodel)\n`);
const defaultGzip = gzipSync(defaultForm, { level: 9 }).length;
process.stdout.write(`default import (import dynamodel from): minified ${defaultForm.length} B, gzip ${defaultGzip} B\n\n`);
const shares = (groupOf: (source: string) => string) => gzipShares(codeFile.text, JSON.parse(mapFile.text), groupOf);
const inSrc = (source: string) => source.replace(/^.*?\/src\//, "src/");
process.stdout.write("gzip cost by folder (the bundle's gzip minus its gzip without that folder), minified bytes:\n");
for (const { name, gzip, minified } of shares((source) => inSrc(source).split("/").slice(0, 2).join("/"))) {
  process.stdout.write(`${String(gzip).padStart(7)}  ${String(minified).padStart(7)}  ${name}\n`);
}
process.stdout.write("\nlargest files by gzip cost (gzip, minified bytes):\n");
for (const { name, gzip, minified } of shares(inSrc).slice(0, 25)) {
  process.stdout.write(`${String(gzip).padStart(7)}  ${String(minified).padStart(7)}  ${name}\n`);
}
