/**
 * Exhaustiveness guard for `switch` statements over node kinds.
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../errors.js";

/**
 * Called in the `default` branch of a switch over a node's `kind`: a compile error if a kind is not handled,
 * and an `InvalidParameter` at runtime if a malformed node reaches the compiler.
 *
 * @example
 * ```ts
 * switch (node.kind) { case "and": ...; default: return assertNever(node, "condition node"); }
 * ```
 * @internal
 */
export function assertNever(value: never, what: string): never {
  const kind = (value as { kind?: unknown } | null)?.kind;
  throw new InvalidParameter(`Unknown ${what} kind: ${JSON.stringify(kind)}.`, {
    code: "unknown_node_kind",
    received: String(kind),
  });
}
