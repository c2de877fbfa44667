/**
 * The condition AST: immutable nodes with an explicit `kind`, compiled by `compileCondition`.
 *
 * @module
 */
import type { Operand } from "./operand.js";
import type { Path } from "./path.js";

/**
 * Comparison operators, named as in Dynamoose: `eq` `=`, `ne` `<>`, `lt` `<`, `le` `<=`, `gt` `>`, `ge` `>=`.
 *
 * @example
 * ```ts
 * const op: ComparisonOperator = "le"; // compiles to "<="
 * ```
 */
export type ComparisonOperator = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

/**
 * DynamoDB attribute type names accepted by `attribute_type`.
 *
 * @example
 * ```ts
 * const t: AttributeTypeName = "SS"; // string set
 * ```
 */
export type AttributeTypeName = "S" | "SS" | "N" | "NS" | "B" | "BS" | "BOOL" | "NULL" | "L" | "M";

/** `left <op> right`. @example `#n0 = :v0` */
export interface ComparisonNode {
  readonly kind: "comparison";
  readonly operator: ComparisonOperator;
  readonly left: Operand;
  readonly right: Operand;
}

/** `subject BETWEEN low AND high`. @example `#n0 BETWEEN :v0 AND :v1` */
export interface BetweenNode {
  readonly kind: "between";
  readonly subject: Operand;
  readonly low: Operand;
  readonly high: Operand;
}

/** `subject IN (values...)`, 1 to 100 values. @example `#n0 IN (:v0, :v1)` */
export interface InNode {
  readonly kind: "in";
  readonly subject: Operand;
  readonly values: readonly Operand[];
}

/** `begins_with(path, value)`. @example `begins_with(#n0, :v0)` */
export interface BeginsWithNode {
  readonly kind: "begins_with";
  readonly path: Path;
  readonly value: Operand;
}

/** `contains(path, value)`. @example `contains(#n0, :v0)` */
export interface ContainsNode {
  readonly kind: "contains";
  readonly path: Path;
  readonly value: Operand;
}

/** `attribute_exists(path)`. @example `attribute_exists(#n0)` */
export interface AttributeExistsNode {
  readonly kind: "attribute_exists";
  readonly path: Path;
}

/** `attribute_not_exists(path)`. @example `attribute_not_exists(#n0)` */
export interface AttributeNotExistsNode {
  readonly kind: "attribute_not_exists";
  readonly path: Path;
}

/** `attribute_type(path, type)`. @example `attribute_type(#n0, :v0)` with `:v0 = {S: "SS"}` */
export interface AttributeTypeNode {
  readonly kind: "attribute_type";
  readonly path: Path;
  readonly type: AttributeTypeName;
}

/** All conditions must hold. @example `#n0 = :v0 AND #n1 > :v1` */
export interface AndNode {
  readonly kind: "and";
  readonly conditions: readonly ConditionNode[];
}

/** At least one condition holds. @example `#n0 = :v0 OR #n1 > :v1` */
export interface OrNode {
  readonly kind: "or";
  readonly conditions: readonly ConditionNode[];
}

/** Negation. @example `NOT begins_with(#n0, :v0)` */
export interface NotNode {
  readonly kind: "not";
  readonly condition: ConditionNode;
}

/** Explicit parentheses (Dynamoose `parenthesis`/`group`); always emitted. @example `(#n0 < :v0 OR #n1 >= :v1)` */
export interface GroupNode {
  readonly kind: "group";
  readonly condition: ConditionNode;
}

/**
 * A hand-written DynamoDB expression with its own placeholders, re-mapped into the request's registry at compile
 * time. `source` records which key it came from, so a caller can honour Dynamoose's context rule.
 *
 * @example
 * ```ts
 * cond.raw("#a = :a", { "#a": "id" }, { ":a": { S: "x" } }); // compiles to "#n0 = :v0"
 * ```
 */
export interface RawNode {
  readonly kind: "raw";
  readonly expression: string;
  readonly names: Readonly<Record<string, string>>;
  /** `AttributeValue`s are used verbatim; anything else is encoded with the default encoder. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly source: "ConditionExpression" | "FilterExpression" | undefined;
}

/**
 * Any condition node. The compiler handles every kind exhaustively.
 *
 * @example
 * ```ts
 * const node: ConditionNode = cond.and(cond.eq("a", 1), cond.not(cond.contains("tags", "x")));
 * ```
 */
export type ConditionNode =
  | ComparisonNode
  | BetweenNode
  | InNode
  | BeginsWithNode
  | ContainsNode
  | AttributeExistsNode
  | AttributeNotExistsNode
  | AttributeTypeNode
  | AndNode
  | OrNode
  | NotNode
  | GroupNode
  | RawNode;
