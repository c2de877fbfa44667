/**
 * The object forms of `new Condition(...)`: `{attr: value | {op: value}}` and raw DynamoDB objects.
 *
 * @module
 * @internal
 */
import { InvalidFilterComparison, InvalidParameter } from "../errors.js";
import { cond } from "./condition-factory.js";
import type { AttributeTypeName, ConditionNode, RawNode } from "./condition-node.js";
import type { RawConditionObject } from "./condition-types.js";
import { parsePath } from "./path.js";

const RAW_KEYS: ReadonlySet<string> = new Set([
  "ConditionExpression",
  "FilterExpression",
  "ExpressionAttributeNames",
  "ExpressionAttributeValues",
]);

/**
 * True for a plain object literal (not a Date, Set, Buffer, class instance or array).
 *
 * @example
 * ```ts
 * isPlainObject({ a: 1 }); // true
 * isPlainObject(new Date()); // false
 * ```
 * @internal
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * True when `value` is a raw DynamoDB condition object: a string `ConditionExpression` or `FilterExpression`
 * and no keys besides those and `ExpressionAttributeNames`/`ExpressionAttributeValues`.
 *
 * @example
 * ```ts
 * isRawConditionObject({ FilterExpression: "#a = :a", ExpressionAttributeNames: { "#a": "x" } }); // true
 * ```
 * @internal
 */
export function isRawConditionObject(value: unknown): value is RawConditionObject {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (!keys.every((key) => RAW_KEYS.has(key))) return false;
  return typeof value["ConditionExpression"] === "string" || typeof value["FilterExpression"] === "string";
}

/**
 * Turns a raw DynamoDB condition object into a raw node.
 *
 * @example
 * ```ts
 * rawObjectToNode({ ConditionExpression: "#a = :a", ExpressionAttributeNames: { "#a": "x" }, ExpressionAttributeValues: { ":a": 1 } });
 * ```
 * @internal
 */
export function rawObjectToNode(raw: RawConditionObject): RawNode {
  const source = typeof raw.ConditionExpression === "string" ? "ConditionExpression" : "FilterExpression";
  const expression = raw.ConditionExpression ?? raw.FilterExpression ?? "";
  return cond.raw(expression, raw.ExpressionAttributeNames ?? {}, raw.ExpressionAttributeValues ?? {}, source);
}

function requireArray(op: string, text: string, value: unknown, length?: number): readonly unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    throw new InvalidParameter(
      `${op} on "${text}" needs ${length === undefined ? "an array of values" : `an array of ${length} values`}.`,
      {
        code: "invalid_condition_value",
        path: text,
        expected: "array",
        received: Array.isArray(value) ? `array of ${value.length}` : typeof value,
      },
    );
  }
  return value;
}

/**
 * Builds the node for one `{op: value}` entry (Dynamoose operator names; `attributeType` is an addition).
 * Unknown operators throw `InvalidFilterComparison("The type: <op> is invalid.")`, as Dynamoose does.
 *
 * @example
 * ```ts
 * operatorToNode("age", "between", [1, 5]); // #n0 BETWEEN :v0 AND :v1
 * ```
 * @internal
 */
export function operatorToNode(text: string, op: string, value: unknown): ConditionNode {
  const path = parsePath(text);
  switch (op) {
    case "eq":
    case "ne":
    case "lt":
    case "le":
    case "gt":
    case "ge":
      return cond[op](path, value);
    case "beginsWith":
      return cond.beginsWith(path, value);
    case "contains":
      return cond.contains(path, value);
    case "exists":
      return value === false ? cond.attributeNotExists(path) : cond.attributeExists(path);
    case "in":
      return cond.in(path, requireArray("in", text, value));
    case "between": {
      const [low, high] = requireArray("between", text, value, 2);
      return cond.between(path, low, high);
    }
    case "attributeType":
      return cond.attributeType(path, value as AttributeTypeName);
    default:
      throw new InvalidFilterComparison(`The type: ${op} is invalid.`, {
        code: "invalid_filter_comparison",
        path: text,
        expected: "eq, ne, lt, le, gt, ge, beginsWith, contains, exists, in, between, attributeType",
        received: op,
      });
  }
}

/**
 * Turns `{attr: value | {op: value}, ...}` into one node per key (to be joined with AND). A plain-object value
 * is read as `{op: value}` using its first key, as in Dynamoose; any other value means `eq`.
 *
 * @example
 * ```ts
 * objectToNodes({ name: "bob", age: { gt: 18 } }); // [#n0 = :v0, #n1 > :v1]
 * ```
 * @internal
 */
export function objectToNodes(object: Readonly<Record<string, unknown>>): ConditionNode[] {
  return Object.keys(object).map((key) => {
    const value = object[key];
    if (isPlainObject(value)) {
      const [op] = Object.keys(value);
      if (op !== undefined) return operatorToNode(key, op, value[op]);
    }
    return operatorToNode(key, "eq", value);
  });
}
