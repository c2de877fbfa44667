/**
 * How the handler is bundled for Lambda, shared by the CDK app (`NodejsFunction`'s esbuild bundling) and the bundle
 * test: ESM for Node 22, minified, the AWS SDK left external (the `nodejs22.x` runtime provides it).
 */
export const bundling = {
  entry: "src/handler.ts",
  target: "node22",
  format: "esm",
  minify: true,
  external: ["@aws-sdk/*"],
} as const;
