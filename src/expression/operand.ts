/**
 * Operands: what a comparison or an update compares or writes. Attribute paths and literal values are
 * different kinds, so a value can never be mistaken for a path.
 *
 * @module
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { type Path, toPath } from "./path.js";

/**
 * An attribute of the item, e.g. the `b.c` of `a = b.c`.
 *
 * @example
 * ```ts
 * const node: PathOperand = operand.path("address.city");
 * ```
 */
export interface PathOperand {
  readonly kind: "path";
  readonly path: Path;
}

/**
 * A user value, encoded at compile time by the `ValueEncoder` with the path it is compared with or written to.
 *
 * @example
 * ```ts
 * const node: ValueOperand = operand.value(new Date()); // the model's encoder turns it into { N: "..." }
 * ```
 */
export interface ValueOperand {
  readonly kind: "value";
  readonly value: unknown;
}

/**
 * A value already in DynamoDB form, used verbatim (no encoder).
 *
 * @example
 * ```ts
 * const node: AttributeValueOperand = operand.attributeValue({ S: "bob" });
 * ```
 */
export interface AttributeValueOperand {
  readonly kind: "attribute_value";
  readonly value: AttributeValue;
}

/**
 * The `size(path)` function used as an operand: `size(#n0) > :v0`.
 *
 * @example
 * ```ts
 * const node: SizeOperand = operand.size("tags");
 * ```
 */
export interface SizeOperand {
  readonly kind: "size";
  readonly path: Path;
}

/**
 * Anything a condition can compare: a path, a value (raw or encoded) or `size(path)`.
 *
 * @example
 * ```ts
 * cond.compare("gt", operand.size("tags"), operand.value(2)); // size(#n0) > :v0
 * ```
 */
export type Operand = PathOperand | ValueOperand | AttributeValueOperand | SizeOperand;

/**
 * Factories for {@link Operand} nodes (readonly by type; their paths frozen). Paths may be given as text (`"a.b[0]"`) or segments.
 *
 * @example
 * ```ts
 * operand.path("a.b");  // { kind: "path", path: [...] }
 * operand.value(3);     // { kind: "value", value: 3 }
 * operand.size("tags"); // size(#n0)
 * ```
 */
export const operand = {
  /** An attribute path operand. @example operand.path("a.b[1]") */
  path: (path: string | Path): PathOperand => ({ kind: "path", path: toPath(path) }),
  /** A user value, encoded at compile time. @example operand.value("bob") */
  value: (value: unknown): ValueOperand => ({ kind: "value", value }),
  /** A value already in DynamoDB form. @example operand.attributeValue({ N: "1" }) */
  attributeValue: (value: AttributeValue): AttributeValueOperand => ({ kind: "attribute_value", value }),
  /** `size(path)`. @example operand.size("tags") */
  size: (path: string | Path): SizeOperand => ({ kind: "size", path: toPath(path) }),
} as const;
