/**
 * Expressions: an immutable AST for conditions, updates and projections, and the one compiler that turns it into
 * DynamoDB expression strings with `#n`/`:v` placeholders (values never enter the strings).
 *
 * @example
 * ```ts
 * const registry = new ExpressionRegistry();
 * const ConditionExpression = compileCondition(new Condition("age").gt(18).toNode()!, registry);
 * const UpdateExpression = compileUpdate([updateAction.set("name", "bob")], registry);
 * const params = { ConditionExpression, UpdateExpression, ...registry.toParams() };
 * ```
 * @module
 */
export { compileCondition } from "./compile-condition.js";
export { compileProjection } from "./compile-projection.js";
export { compileUpdate } from "./compile-update.js";
export { Condition, type ConditionInit, isCondition } from "./condition.js";
export { cond } from "./condition-factory.js";
export type {
  AndNode,
  AttributeExistsNode,
  AttributeNotExistsNode,
  AttributeTypeName,
  AttributeTypeNode,
  BeginsWithNode,
  BetweenNode,
  ComparisonNode,
  ComparisonOperator,
  ConditionNode,
  ContainsNode,
  GroupNode,
  InNode,
  NotNode,
  OrNode,
  RawNode,
} from "./condition-node.js";
export type {
  AttributePath,
  ComparisonObject,
  ConditionObject,
  ContainsValue,
  PathValue,
  RawConditionObject,
} from "./condition-types.js";
export { defaultEncoder, looksLikeAttributeValue, type ValueEncoder } from "./encoder.js";
export { EXPRESSION_LIMITS } from "./limits.js";
export {
  type AttributeValueOperand,
  type Operand,
  operand,
  type PathOperand,
  type SizeOperand,
  type ValueOperand,
} from "./operand.js";
export { type Path, type PathSegment, parsePath, pathToString, toPath } from "./path.js";
export { ExpressionRegistry } from "./registry.js";
export type {
  AddAction,
  DeleteAction,
  IfNotExistsOperand,
  ListAppendOperand,
  MinusOperand,
  PlusOperand,
  RemoveAction,
  SetAction,
  UpdateAction,
  UpdateOperand,
} from "./update-action.js";
export { updateAction } from "./update-action.js";
export {
  type AppendOperation,
  type DecrementOperation,
  type IfNotExistsOperation,
  type IncrementOperation,
  isUpdateOperation,
  type PrependOperation,
  type UpdateOperation,
  update,
} from "../update-operations.js";
