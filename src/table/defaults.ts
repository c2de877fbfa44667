/**
 * `Table.defaults`: options every table of an instance starts from (given options > these > built-ins).
 *
 * @module
 * @internal
 */
import type { TableOptionsInput } from "./options.js";

/** Creates a `Table.defaults` holder. @internal */
export function createDefaults() {
  let custom: TableOptionsInput = {};
  return {
    /** Sets custom defaults (`{}` resets). */
    set(options: TableOptionsInput): void {
      custom = { ...options };
    },
    /** The custom defaults. */
    get(): TableOptionsInput {
      return custom;
    },
  };
}
