/**
 * The shape of a condition for the request template cache: every node kind, operator, operand kind, count and
 * path (as interned ids), in document order, with the value operands collected in that order. Two conditions of
 * one shape compile to the same expression and placeholders whatever their values.
 *
 * @module
 * @internal
 */
import type { ConditionNode } from "./condition-node.js";
import { ConditionTransformer } from "./condition-transformer.js";
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

/** Appends the shape of one condition to a {@link RequestShape}; changes nothing in the tree. */
export class ConditionShape extends ConditionTransformer {
  constructor(
    private readonly ids: ShapeIds,
    private readonly shape: RequestShape,
  ) {
    super();
  }

  override transformCondition(node: ConditionNode): ConditionNode {
    const { tokens } = this.shape;
    tokens.push(NODE_TOKENS[node.kind] ?? -1);
    switch (node.kind) {
      case "comparison": {
        const operator = OPERATORS[node.operator];
        if (operator === undefined) this.shape.keyable = false;
        tokens.push(operator ?? -1);
        break;
      }
      case "in":
        tokens.push(node.values.length);
        break;
      case "attribute_type":
        if (typeof node.type !== "string") this.shape.keyable = false;
        else tokens.push(this.ids.intern(node.type));
        break;
      case "and":
      case "or":
        tokens.push(node.conditions.length);
        break;
      case "raw":
        this.shape.keyable = false;
        return node;
    }
    return super.transformCondition(node);
  }

  protected override transformOperand(node: Operand): Operand {
    this.shape.tokens.push(OPERAND_TOKENS[node.kind] ?? -1);
    if (node.kind === "value" || node.kind === "attribute_value") this.shape.values.push(node);
    else if (node.kind !== "path" && node.kind !== "size") this.shape.keyable = false;
    return super.transformOperand(node);
  }

  protected override transformPath(path: Path): Path {
    const id = this.ids.pathId(path);
    if (id < 0) this.shape.keyable = false;
    this.shape.tokens.push(id);
    return path;
  }
}
