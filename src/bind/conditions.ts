/**
 * Compiles the `condition` setting of a write (a `Condition`, its object form, or a raw DynamoDB object).
 *
 * @module
 * @internal
 */
import type { Schema } from "../schema/schema.js";
import { resolveAliases } from "./alias-pass.js";
import {
  Condition,
  type ConditionNode,
  ExpressionRegistry,
  type ValueEncoder,
  compileCondition,
  cond,
  isCondition,
} from "../expression/index.js";

/** The node of a `condition` setting (aliases resolved to stored names), or undefined when there is none or it is empty. */
export function conditionNode(condition: unknown, schema: Schema): ConditionNode | undefined {
  if (condition === undefined || condition === null) return undefined;
  const built = isCondition(condition) ? condition : new Condition(condition as ConstructorParameters<typeof Condition>[0]);
  const node = built.toNode();
  return node && resolveAliases(node, schema);
}

/** ANDs the given nodes (skipping missing ones). */
export function allOf(...nodes: (ConditionNode | undefined)[]): ConditionNode | undefined {
  const present = nodes.filter((node): node is ConditionNode => node !== undefined);
  if (present.length <= 1) return present[0];
  return cond.and(...present);
}

/** Compiles a condition into `ConditionExpression` and its names and values. */
export function conditionParams(
  node: ConditionNode | undefined,
  encode: ValueEncoder,
  registry = new ExpressionRegistry(),
): { ConditionExpression?: string } & ReturnType<ExpressionRegistry["toParams"]> {
  if (!node) return {};
  const ConditionExpression = compileCondition(node, registry, encode);
  return { ConditionExpression, ...registry.toParams() };
}
