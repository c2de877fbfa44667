/**
 * `cond`: factories for condition nodes, so every module builds the same AST. Nodes are readonly by type; their
 * paths are also frozen at runtime (by `toPath`), so the template cache can key a path's id by identity and a path
 * can be shared between trees. Nodes are not frozen: `Object.freeze` is a runtime call per node (≈1 µs a query).
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";
import type {
  AttributeTypeName,
  ComparisonNode,
  ComparisonOperator,
  ConditionNode,
  GroupNode,
  InNode,
  NotNode,
  RawNode,
} from "./condition-node.js";
import { type Operand, operand } from "./operand.js";
import { type Path, pathToString, toPath } from "./path.js";

const ATTRIBUTE_TYPES: ReadonlySet<string> = new Set(["S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"]);

function comparison(operator: ComparisonOperator, path: string | Path, value: unknown): ComparisonNode {
  return { kind: "comparison", operator, left: operand.path(path), right: operand.value(value) };
}

/**
 * Node factories. Paths are text (`"a.b[0]"`) or segments; values are user values, encoded at compile time.
 * Use `compare`, `betweenOperands`, `inOperands` to put paths, `size()` or pre-encoded values on either side.
 *
 * @example
 * ```ts
 * const node = cond.or(cond.eq("status", "open"), cond.and(cond.gt("age", 18), cond.attributeNotExists("deletedAt")));
 * compileCondition(node, registry); // "#n0 = :v0 OR #n1 > :v1 AND attribute_not_exists(#n2)"
 * ```
 */
export const cond = {
  /** `path = value`. @example cond.eq("id", "a") // #n0 = :v0 */
  eq: (path: string | Path, value: unknown): ComparisonNode => comparison("eq", path, value),
  /** `path <> value`. @example cond.ne("id", "a") // #n0 <> :v0 */
  ne: (path: string | Path, value: unknown): ComparisonNode => comparison("ne", path, value),
  /** `path < value`. @example cond.lt("age", 3) // #n0 < :v0 */
  lt: (path: string | Path, value: unknown): ComparisonNode => comparison("lt", path, value),
  /** `path <= value`. @example cond.le("age", 3) // #n0 <= :v0 */
  le: (path: string | Path, value: unknown): ComparisonNode => comparison("le", path, value),
  /** `path > value`. @example cond.gt("age", 3) // #n0 > :v0 */
  gt: (path: string | Path, value: unknown): ComparisonNode => comparison("gt", path, value),
  /** `path >= value`. @example cond.ge("age", 3) // #n0 >= :v0 */
  ge: (path: string | Path, value: unknown): ComparisonNode => comparison("ge", path, value),
  /** Any comparison between two operands. @example cond.compare("gt", operand.size("tags"), operand.value(2)) // size(#n0) > :v0 */
  compare: (operator: ComparisonOperator, left: Operand, right: Operand): ComparisonNode => ({ kind: "comparison", operator, left, right }),
  /** `path BETWEEN low AND high`. @example cond.between("age", 1, 5) // #n0 BETWEEN :v0 AND :v1 */
  between: (path: string | Path, low: unknown, high: unknown): ConditionNode => ({
    kind: "between",
    subject: operand.path(path),
    low: operand.value(low),
    high: operand.value(high),
  }),
  /** BETWEEN over any operands. @example cond.betweenOperands(operand.size("a"), operand.value(1), operand.value(3)) */
  betweenOperands: (subject: Operand, low: Operand, high: Operand): ConditionNode => ({ kind: "between", subject, low, high }),
  /** `path IN (values...)`. @example cond.in("status", ["a", "b"]) // #n0 IN (:v0, :v1) */
  in: (path: string | Path, values: readonly unknown[]): InNode => {
    if (!Array.isArray(values) || values.length === 0) {
      throw new InvalidParameter(`IN on "${pathToString(toPath(path))}" needs a non-empty array of values.`, {
        code: "invalid_in",
        path: pathToString(toPath(path)),
        expected: "a non-empty array",
        received: Array.isArray(values) ? "[]" : typeof values,
      });
    }
    return { kind: "in", subject: operand.path(path), values: values.map((v) => operand.value(v)) };
  },
  /** IN over any operands. @example cond.inOperands(operand.path("a"), [operand.path("b"), operand.value(1)]) */
  inOperands: (subject: Operand, values: readonly Operand[]): InNode => ({ kind: "in", subject, values: [...values] }),
  /** `begins_with(path, value)`. @example cond.beginsWith("sk", "USER#") // begins_with(#n0, :v0) */
  beginsWith: (path: string | Path, value: unknown): ConditionNode => ({
    kind: "begins_with",
    path: toPath(path),
    value: operand.value(value),
  }),
  /** `contains(path, value)`. @example cond.contains("tags", "x") // contains(#n0, :v0) */
  contains: (path: string | Path, value: unknown): ConditionNode => ({ kind: "contains", path: toPath(path), value: operand.value(value) }),
  /** `attribute_exists(path)`. @example cond.attributeExists("id") // attribute_exists(#n0) */
  attributeExists: (path: string | Path): ConditionNode => ({ kind: "attribute_exists", path: toPath(path) }),
  /** `attribute_not_exists(path)`. @example cond.attributeNotExists("id") // attribute_not_exists(#n0) */
  attributeNotExists: (path: string | Path): ConditionNode => ({ kind: "attribute_not_exists", path: toPath(path) }),
  /** `attribute_type(path, type)`. @example cond.attributeType("tags", "SS") // attribute_type(#n0, :v0) */
  attributeType: (path: string | Path, type: AttributeTypeName): ConditionNode => {
    if (!ATTRIBUTE_TYPES.has(type)) {
      throw new InvalidParameter(`attribute_type on "${pathToString(toPath(path))}": ${JSON.stringify(type)} is not a DynamoDB type.`, {
        code: "invalid_attribute_type",
        path: pathToString(toPath(path)),
        expected: [...ATTRIBUTE_TYPES].join(" | "),
        received: String(type),
      });
    }
    return { kind: "attribute_type", path: toPath(path), type };
  },
  /** All must hold (one node is returned as is). @example cond.and(cond.eq("a", 1), cond.eq("b", 2)) // #n0 = :v0 AND #n1 = :v1 */
  and: (...conditions: ConditionNode[]): ConditionNode =>
    conditions.length === 1 && conditions[0] ? conditions[0] : { kind: "and", conditions: conditions },
  /** One must hold (one node is returned as is). @example cond.or(cond.eq("a", 1), cond.eq("b", 2)) // #n0 = :v0 OR #n1 = :v1 */
  or: (...conditions: ConditionNode[]): ConditionNode =>
    conditions.length === 1 && conditions[0] ? conditions[0] : { kind: "or", conditions: conditions },
  /** Negation. @example cond.not(cond.contains("tags", "x")) // NOT contains(#n0, :v0) */
  not: (condition: ConditionNode): NotNode => ({ kind: "not", condition }),
  /** Explicit parentheses. @example cond.group(cond.or(a, b)) // (... OR ...) */
  group: (condition: ConditionNode): GroupNode => ({ kind: "group", condition }),
  /**
   * A hand-written expression with its own placeholders, re-mapped at compile time.
   * @example cond.raw("#a > :a", { "#a": "age" }, { ":a": { N: "1" } }) // #n0 > :v0
   */
  raw: (
    expression: string,
    names: Readonly<Record<string, string>> = {},
    values: Readonly<Record<string, unknown>> = {},
    source?: "ConditionExpression" | "FilterExpression",
  ): RawNode =>
    Object.freeze({ kind: "raw", expression, names: Object.freeze({ ...names }), values: Object.freeze({ ...values }), source }),
} as const;
