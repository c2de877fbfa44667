/**
 * The shape of a condition for the request template cache: every node kind, operator, operand kind, count and
 * path (as interned ids), in document order, with the value operands collected in that order. Two conditions of
 * one shape compile to the same expression and placeholders whatever their values.
 *
 * @module
 * @internal
 */
import type { ConditionNode } from "./condition-node.js";
import { assertNever } from "./assert-never.js";
import type { Operand } from "./operand.js";
import type { Path } from "./path.js";

/** A request's shape so far: its tokens, its value operands in document order, and whether it can be cached at all. */
export interface RequestShape {
  readonly tokens: number[];
  readonly values: Operand[];
  /** False once something was met that is not safely keyed (a raw expression, an unknown operator or path). */
  keyable: boolean;
}

/** What the walk needs from the cache: ids of strings and paths, stable until the cache drops them. */
export interface ShapeIds {
  intern(text: string): number;
  /** The id of a path's content; `-1` when it can not be keyed. */
  pathId(path: Path): number;
}

const NODE_TOKENS: Readonly<Record<ConditionNode["kind"], number>> = {
  comparison: 1,
  between: 2,
  in: 3,
  begins_with: 4,
  contains: 5,
  attribute_exists: 6,
  attribute_not_exists: 7,
  attribute_type: 8,
  and: 20,
  or: 21,
  not: 22,
  group: 23,
  raw: 24,
};
const OPERAND_TOKENS: Readonly<Record<Operand["kind"], number>> = { path: 10, size: 11, value: 12, attribute_value: 13 };
const OPERATORS: Readonly<Record<string, number>> = { eq: 1, ne: 2, lt: 3, le: 4, gt: 5, ge: 6 };

/**
 * Appends the shape of one condition to a {@link RequestShape}; changes nothing in the tree. A direct walk rather
 * than a `ConditionTransformer` pass: it runs on every cached query, and the transformer's identity checks and
 * virtual calls cost a third of a cache hit. Children are visited in the transformer's (and the compiler's) document
 * order, so the value operands line up with the compiler's recorded slots.
 */
export function addConditionShape(ids: ShapeIds, shape: RequestShape, node: ConditionNode): void {
  const { tokens } = shape;
  tokens.push(NODE_TOKENS[node.kind] ?? -1);
  switch (node.kind) {
    case "comparison": {
      const operator = OPERATORS[node.operator];
      if (operator === undefined) shape.keyable = false;
      tokens.push(operator ?? -1);
      addOperand(ids, shape, node.left);
      addOperand(ids, shape, node.right);
      return;
    }
    case "between":
      addOperand(ids, shape, node.subject);
      addOperand(ids, shape, node.low);
      addOperand(ids, shape, node.high);
      return;
    case "in":
      tokens.push(node.values.length);
      addOperand(ids, shape, node.subject);
      for (const value of node.values) addOperand(ids, shape, value);
      return;
    case "begins_with":
    case "contains":
      addPath(ids, shape, node.path);
      addOperand(ids, shape, node.value);
      return;
    case "attribute_exists":
    case "attribute_not_exists":
      addPath(ids, shape, node.path);
      return;
    case "attribute_type":
      if (typeof node.type !== "string") shape.keyable = false;
      else tokens.push(ids.intern(node.type));
      addPath(ids, shape, node.path);
      return;
    case "and":
    case "or":
      tokens.push(node.conditions.length);
      for (const child of node.conditions) addConditionShape(ids, shape, child);
      return;
    case "not":
    case "group":
      addConditionShape(ids, shape, node.condition);
      return;
    case "raw":
      shape.keyable = false;
      return;
    default:
      assertNever(node, "condition node");
  }
}

function addOperand(ids: ShapeIds, shape: RequestShape, node: Operand): void {
  shape.tokens.push(OPERAND_TOKENS[node.kind] ?? -1);
  if (node.kind === "value" || node.kind === "attribute_value") shape.values.push(node);
  else if (node.kind === "path" || node.kind === "size") addPath(ids, shape, node.path);
  else shape.keyable = false;
}

function addPath(ids: ShapeIds, shape: RequestShape, path: Path): void {
  const id = ids.pathId(path);
  if (id < 0) shape.keyable = false;
  shape.tokens.push(id);
}
