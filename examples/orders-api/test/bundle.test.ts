/**
 * The Lambda bundle, built with esbuild as the CDK app builds it: dynamodel comes from its built package (never from
 * `src/`), the AWS SDK stays external, and the bundle loads and answers an event. Prints its gzip size.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { APIGatewayProxyHandlerV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { build } from "esbuild";
import { bundling } from "../src/bundling.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the Lambda bundle", () => {
  it("bundles dynamodel's build, leaves the SDK external, loads, and reports its gzip size", async () => {
    const result = await build({
      entryPoints: [join(root, bundling.entry)],
      bundle: true,
      platform: "node",
      target: bundling.target,
      format: bundling.format,
      minify: bundling.minify,
      external: [...bundling.external],
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents;
    assert.ok(code);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(
      inputs.some((input) => /dynamodel\/dist\/index\.js$|(^|\/)dist\/index\.js$/.test(input)),
      inputs.join("\n"),
    );
    assert.ok(!inputs.some((input) => input.includes("/src/") && !input.includes("orders-api")), "dynamodel must come from its build");
    assert.ok(!inputs.some((input) => input.includes("@aws-sdk")), "the AWS SDK must stay external");
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`handler bundle: ${code.length} bytes, ${gzip} bytes gzip (${(gzip / 1024).toFixed(1)} KiB)`);
    assert.ok(gzip < 200 * 1024);

    const out = join(root, "node_modules", ".cache", "orders-api-bundle");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "handler.mjs"), code);
    process.env.CUSTOMERS_TABLE ??= "c";
    process.env.PRODUCTS_TABLE ??= "p";
    process.env.ORDERS_TABLE ??= "o";
    process.env.CURSOR_SECRET ??= "test";
    const { handler } = (await import(pathToFileURL(join(out, "handler.mjs")).href)) as { handler: APIGatewayProxyHandlerV2 };
    const reply = (await handler({ routeKey: "GET /nowhere" } as never, {} as never, () => undefined)) as APIGatewayProxyStructuredResultV2;
    assert.equal(reply.statusCode, 404);
  });
});
