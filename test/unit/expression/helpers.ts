/** Shared helpers for the expression tests. */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import {
  type Condition,
  type ConditionNode,
  compileCondition,
  ExpressionRegistry,
  type ValueEncoder,
} from "../../../src/expression/index.js";

export interface Compiled {
  expression: string;
  names: Record<string, string> | undefined;
  values: Record<string, AttributeValue> | undefined;
}

/** Compiles a node with a fresh registry and returns the expression and both maps. */
export function compile(node: ConditionNode, encode?: ValueEncoder): Compiled {
  const registry = new ExpressionRegistry();
  const expression = compileCondition(node, registry, encode);
  const params = registry.toParams();
  return { expression, names: params.ExpressionAttributeNames, values: params.ExpressionAttributeValues };
}

/** Compiles a Condition builder (which must not be empty). */
export function compileBuilder<T, V>(condition: Condition<T, V>, encode?: ValueEncoder): Compiled {
  const node = condition.toNode();
  if (node === undefined) throw new Error("empty condition");
  return compile(node, encode);
}

/** Every comparison operator and the expression it compiles to on one attribute. */
export const comparisonCases = [
  ["eq", "#n0 = :v0"],
  ["ne", "#n0 <> :v0"],
  ["lt", "#n0 < :v0"],
  ["le", "#n0 <= :v0"],
  ["gt", "#n0 > :v0"],
  ["ge", "#n0 >= :v0"],
] as const;
