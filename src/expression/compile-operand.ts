/**
 * Compiling paths and operands: the pieces shared by every compiler.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, LimitExceeded, TypeMismatch } from "../errors.js";
import { assertNever } from "./assert-never.js";
import { defaultEncoder, type ValueEncoder } from "./encoder.js";
import { EXPRESSION_LIMITS, type OperatorCounter } from "./limits.js";
import type { Operand } from "./operand.js";
import { type Path, pathToString } from "./path.js";
import type { ExpressionRegistry } from "./registry.js";

/**
 * What one compilation carries: the request's registry, the value encoder and the operator counter.
 *
 * @example
 * ```ts
 * const ctx: CompileContext = { registry, encode: defaultEncoder, operators: new OperatorCounter("ConditionExpression") };
 * ```
 * @internal
 */
export interface CompileContext {
  readonly registry: ExpressionRegistry;
  readonly encode: ValueEncoder;
  readonly operators: OperatorCounter;
  /** When given, every value placeholder allocated is recorded here, in allocation order (the request template cache). */
  readonly slots?: ValueSlot[] | undefined;
}

/**
 * How the compiler filled one value placeholder: from a value operand (encoded for `context`, checked against
 * `accept`), or the type name of an `attribute_type`. What the request template cache replays for other values.
 *
 * @example
 * ```ts
 * const slot: ValueSlot = { operand: operand.value(3), context: parsePath("age"), what: "gt", accept: ORDERED_TYPES };
 * ```
 * @internal
 */
export type ValueSlot =
  | { readonly operand: Operand; readonly context: Path | undefined; readonly what: string; readonly accept: OperandTypes | undefined }
  | { readonly type: string };

/**
 * Turns a path into placeholders: `a.b[2]` -> `#n0.#n1[2]`. Throws `LimitExceeded` past 32 nesting levels.
 *
 * @example
 * ```ts
 * compilePath(parsePath("a.b[2]"), registry); // "#n0.#n1[2]"
 * ```
 * @internal
 */
export function compilePath(path: Path, registry: ExpressionRegistry): string {
  if (path.length === 0 || path[0]?.kind !== "name") {
    throw new InvalidParameter(`Invalid attribute path ${JSON.stringify(pathToString(path))}: it must start with an attribute name.`, {
      code: "invalid_path",
      path: pathToString(path),
    });
  }
  if (path.length - 1 > EXPRESSION_LIMITS.maxPathDepth) {
    throw new LimitExceeded(
      `The attribute path "${pathToString(path)}" is nested ${path.length - 1} levels deep; DynamoDB allows at most ${EXPRESSION_LIMITS.maxPathDepth}.`,
      { code: "path_too_deep", path: pathToString(path), expected: `<= ${EXPRESSION_LIMITS.maxPathDepth}`, received: `${path.length - 1}` },
    );
  }
  let text = "";
  for (const segment of path) {
    if (segment.kind === "index") text += `[${segment.index}]`;
    else text += (text === "" ? "" : ".") + registry.name(segment.name);
  }
  return text;
}

/**
 * Encodes a user value for `context` (the path it is compared with or written to) and allocates its placeholder;
 * without a context (a `size()` comparison) the schema-less `defaultEncoder` is used.
 * `undefined` is refused with `InvalidParameter` naming the path (Dynamoose only warned and sent a broken request).
 *
 * @example
 * ```ts
 * compileValue(3, parsePath("age"), ctx); // ":v0"
 * ```
 * @internal
 */
export function compileValue(value: unknown, context: Path | undefined, ctx: CompileContext, what: string, accept?: OperandTypes): string {
  return ctx.registry.value(encodeValue(value, context, ctx.encode, what, accept));
}

/**
 * What {@link compileValue} allocates, without allocating it: the value encoded for `context` (the `defaultEncoder`
 * without one), `undefined` and operand types refused with the same errors. Used by the request template cache,
 * which must encode exactly as the compiler does.
 *
 * @example
 * ```ts
 * encodeValue(3, parsePath("age"), defaultEncoder, "gt", ORDERED_TYPES); // { N: "3" }
 * ```
 * @internal
 */
export function encodeValue(
  value: unknown,
  context: Path | undefined,
  encode: ValueEncoder,
  what: string,
  accept?: OperandTypes,
): AttributeValue {
  if (value === undefined) {
    const where = context ? `"${pathToString(context)}"` : "a size() comparison";
    throw new InvalidParameter(`${what} on ${where} was given undefined; pass a value.`, {
      code: "undefined_value",
      path: context ? pathToString(context) : "",
      received: "undefined",
    });
  }
  const encoded = context ? encode(context, value) : defaultEncoder([], value);
  if (accept) checkOperandType(encoded, accept, context, what);
  return encoded;
}

/**
 * What {@link compileOperand} allocates for a `value` or `attribute_value` operand, without allocating it.
 *
 * @example
 * ```ts
 * encodeOperandValue(operand.value(3), parsePath("age"), defaultEncoder, "gt", ORDERED_TYPES); // { N: "3" }
 * ```
 * @internal
 */
export function encodeOperandValue(
  node: Operand,
  context: Path | undefined,
  encode: ValueEncoder,
  what: string,
  accept?: OperandTypes,
): AttributeValue {
  if (node.kind === "value") return encodeValue(node.value, context, encode, what, accept);
  if (node.kind !== "attribute_value")
    throw new InvalidParameter(`Operand ${node.kind} has no value.`, { code: "invalid_condition", received: node.kind });
  if (accept) checkOperandType(node.value, accept, context, what);
  return node.value;
}

/**
 * The value types an operator takes, where DynamoDB refuses others (`<`, `<=`, `>`, `>=`, `BETWEEN` and
 * `begins_with` take strings, numbers and binary only; `=`, `<>`, `IN` and `contains` take anything).
 *
 * @example
 * ```ts
 * const ordered: OperandTypes = ORDERED_TYPES; // ["S", "N", "B"]
 * ```
 * @internal
 */
export type OperandTypes = readonly ("S" | "N" | "B")[];

/** The value types of ordering comparisons and `BETWEEN`. @internal */
export const ORDERED_TYPES: OperandTypes = Object.freeze(["S", "N", "B"] as const);
/** The value types of `begins_with`. @internal */
export const PREFIX_TYPES: OperandTypes = Object.freeze(["S", "B"] as const);

/** The type of an AttributeValue (`S`, `N`, `BOOL`, `L`, ...). @internal */
export function attributeValueType(value: AttributeValue): string {
  // A for-in over own keys visits them in Object.entries order, without building the entries array.
  const record = value as unknown as Record<string, unknown>;
  for (const key in record) if (Object.hasOwn(record, key) && record[key] !== undefined && key !== "$unknown") return key;
  return "unknown";
}

/**
 * Refuses, before sending, a value DynamoDB would refuse for the operator (it fails the whole request with
 * "Incorrect operand type for operator or function"): a `TypeMismatch` naming the path.
 */
function checkOperandType(value: AttributeValue, accept: OperandTypes, context: Path | undefined, what: string): void {
  const type = attributeValueType(value);
  if ((accept as readonly string[]).includes(type)) return;
  const path = context ? pathToString(context) : "";
  throw new TypeMismatch(
    `${what} on ${context ? `"${path}"` : "a size() comparison"} takes a ${accept.map((t) => TYPE_NAMES[t]).join(", ")} value, not a ${TYPE_NAMES[type] ?? type} (DynamoDB refuses it).`,
    { code: "invalid_operand_type", path, expected: accept.join(" | "), received: type },
  );
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  S: "string",
  N: "number",
  B: "binary",
  BOOL: "boolean",
  NULL: "null",
  L: "list",
  M: "map",
  SS: "string set",
  NS: "number set",
  BS: "binary set",
};

/**
 * The path a value operand is encoded for: the first path or `size()` subject among `operands`
 * (for `size()` the value is a number, so no attribute path applies and `undefined` is returned).
 *
 * @example
 * ```ts
 * contextPath([operand.path("age"), operand.value(3)]); // the path "age"
 * ```
 * @internal
 */
export function contextPath(operands: readonly Operand[]): Path | undefined {
  for (const o of operands) {
    if (o.kind === "path") return o.path;
    if (o.kind === "size") return undefined;
  }
  return undefined;
}

/**
 * {@link contextPath} of two operands (a comparison's left and right), without building an array.
 *
 * @example
 * ```ts
 * contextPathOf(operand.value(3), operand.path("age")); // the path "age"
 * ```
 * @internal
 */
export function contextPathOf(first: Operand, second: Operand): Path | undefined {
  if (first.kind === "path") return first.path;
  if (first.kind === "size") return undefined;
  return second.kind === "path" ? second.path : undefined;
}

/**
 * Compiles one condition operand. `context` is the path a value operand is encoded for; `accept`, when given,
 * lists the value types the operator takes (others throw `TypeMismatch` before sending).
 *
 * @example
 * ```ts
 * compileOperand(operand.size("tags"), undefined, ctx, "gt"); // "size(#n0)"
 * ```
 * @internal
 */
export function compileOperand(node: Operand, context: Path | undefined, ctx: CompileContext, what: string, accept?: OperandTypes): string {
  switch (node.kind) {
    case "path":
      return compilePath(node.path, ctx.registry);
    case "value": {
      const placeholder = compileValue(node.value, context, ctx, what, accept);
      ctx.slots?.push({ operand: node, context, what, accept });
      return placeholder;
    }
    case "attribute_value":
      if (accept) checkOperandType(node.value, accept, context, what);
      ctx.slots?.push({ operand: node, context, what, accept });
      return ctx.registry.value(node.value);
    case "size":
      ctx.operators.add();
      return `size(${compilePath(node.path, ctx.registry)})`;
    default:
      return assertNever(node, "operand");
  }
}
