/**
 * esbuild bundles: the one-get handlers (bundle size), the cold-start entries and the memory child.
 * Output goes to `bench/.build/` so that the external `@aws-sdk/*` resolve from `bench/node_modules`.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

/** `bench/.build/`. */
export const BUILD_DIR = fileURLToPath(new URL("../../.build/", import.meta.url));
const SRC = fileURLToPath(new URL("../", import.meta.url));

/**
 * An ESM bundle for Node 20 with `@aws-sdk/*` external, minified, as one would deploy to Lambda. Dynamoose is CommonJS
 * and `require`s the SDK, so every bundle gets the usual `createRequire` banner (same bytes for all three).
 */
export async function bundle(entry: string, outName: string, options: { minify?: boolean; allPackagesExternal?: boolean } = {}) {
  const outfile = `${BUILD_DIR}${outName}`;
  const result = await build({
    entryPoints: [`${SRC}${entry}`],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: options.minify ?? true,
    legalComments: "none",
    ...(options.allPackagesExternal ? { packages: "external" as const } : { external: ["@aws-sdk/*"] }),
    banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
    metafile: true,
    logLevel: "error",
  });
  return { outfile, metafile: result.metafile };
}
