import { defineConfig, type Options } from "tsup";

const shared: Options = {
  sourcemap: true,
  // `npm run build` empties dist/ first: two configs build into it at once.
  clean: false,
  target: "node20",
  treeshake: true,
  external: ["@aws-sdk/client-dynamodb", "@aws-sdk/util-dynamodb"],
  splitting: false,
};

export default defineConfig([
  { ...shared, entry: { index: "src/index.ts" }, format: ["esm"], dts: true },
  {
    ...shared,
    // The CommonJS build has named exports only (no "named and default exports together" shape), and its `default`
    // is the namespace itself: `require("dynamodel")` and `require("dynamodel").default` are one object, and
    // `import dynamodel from "dynamodel"` (esModuleInterop) gets the whole namespace.
    entry: { index: "src/index.cjs.ts" },
    format: ["cjs"],
    dts: { entry: { index: "src/index.ts" } },
    footer: { js: "exports.default = exports;" },
  },
]);
