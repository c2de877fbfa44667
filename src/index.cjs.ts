/**
 * The CommonJS entry: the same public names as `index.ts`, without its default export, so that the build gives
 * `require("dynamodel")` one clean shape — the namespace, whose `default` (set by the build's footer) is the namespace
 * itself, as `import dynamodel from "dynamodel"` expects under `esModuleInterop`. Types come from `index.ts`.
 * @internal
 * @module
 */
export * from "./index.js";
