/** Identity helpers for type tests: they infer a definition / settings the way `new Schema(d, s)` does. */
import type { SchemaDefinition, SchemaSettings } from "../../src/schema/definition.js";

export function def<const D extends SchemaDefinition>(d: D): D {
  return d;
}

export function settings<const S extends SchemaSettings>(s: S): S {
  return s;
}
