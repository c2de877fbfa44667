import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  treeshake: true,
  external: ["@aws-sdk/client-dynamodb", "@aws-sdk/util-dynamodb"],
  // The CommonJS build exports the namespace object itself, so that
  // `const dynamodel = require("dynamodel")` works like Dynamoose's `export =`.
  cjsInterop: true,
  splitting: false,
});
