/**
 * The condition compiler: one exhaustive function from condition nodes to a DynamoDB expression string.
 *
 * @module
 */
import { InvalidParameter, LimitExceeded } from "../errors.js";
import { assertNever } from "./assert-never.js";
import type { ComparisonNode, ComparisonOperator, ConditionNode, InNode } from "./condition-node.js";
import {
  type CompileContext,
  compileOperand,
  compilePath,
  contextPath,
  contextPathOf,
  ORDERED_TYPES,
  PREFIX_TYPES,
  type ValueSlot,
} from "./compile-operand.js";
import { compileRaw } from "./compile-raw.js";
import { defaultEncoder, type ValueEncoder } from "./encoder.js";
import { checkExpressionLength, EXPRESSION_LIMITS, OperatorCounter } from "./limits.js";
import { pathToString } from "./path.js";
import type { ExpressionRegistry } from "./registry.js";

const COMPARATORS: Readonly<Record<ComparisonOperator, string>> = { eq: "=", ne: "<>", lt: "<", le: "<=", gt: ">", ge: ">=" };

// DynamoDB precedence, loosest first: OR < AND < NOT < comparisons (=, BETWEEN, IN) < functions/parentheses.
// A NOT parenthesises everything but a function call or a group, for readability: NOT (#n0 BETWEEN :v0 AND :v1).
const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARISON = 4;
const ATOM = 5;

/**
 * Compiles a condition tree to a `ConditionExpression`/`FilterExpression`/`KeyConditionExpression` string,
 * allocating placeholders in `registry` and encoding values with `encode` (default: {@link defaultEncoder}).
 *
 * Parentheses follow DynamoDB precedence (OR < AND < NOT < comparisons): an OR inside an AND and raw expressions
 * inside anything are parenthesised, so the string means exactly the tree; under a NOT everything but a function
 * call is parenthesised (`NOT contains(#n0, :v0)`, `NOT (#n0 = :v0)`); `group` nodes are always parenthesised, never twice (DynamoDB refuses `((...))`). Throws `LimitExceeded` past 4 KB, 300 operators, 100 IN values or
 * 32 path levels. With `slots`, each value placeholder allocated is recorded there (see {@link ValueSlot}).
 *
 * @example
 * ```ts
 * const registry = new ExpressionRegistry();
 * compileCondition(cond.and(cond.or(cond.lt("a", 1), cond.ge("b", 2)), cond.eq("c", 3)), registry);
 * // "(#n0 < :v0 OR #n1 >= :v1) AND #n2 = :v2"
 * ```
 */
export function compileCondition(
  node: ConditionNode,
  registry: ExpressionRegistry,
  encode: ValueEncoder = defaultEncoder,
  slots?: ValueSlot[],
): string {
  const ctx: CompileContext = { registry, encode, operators: new OperatorCounter("condition expression"), slots };
  const expression = compileNode(node, ctx, 0);
  checkExpressionLength("condition expression", expression);
  return expression;
}

function wrap(text: string, precedence: number, minimum: number): string {
  return precedence < minimum ? parenthesize(text) : text;
}

/**
 * `(text)`, unless `text` is already one parenthesised whole: DynamoDB refuses `((...))` ("The expression has
 * redundant parentheses"), which a group inside a group, or a group of a raw `"(...)"`, would otherwise give.
 */
function parenthesize(text: string): string {
  return enclosed(text) ? text : `(${text})`;
}

/** True when the first `(` of `text` closes at its last character: `(a) AND (b)` is not enclosed. */
function enclosed(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i === text.length - 1;
  }
  return false;
}

function compileJunction(conditions: readonly ConditionNode[], ctx: CompileContext, minimum: number, word: "AND" | "OR"): string {
  const precedence = word === "AND" ? AND : OR;
  const [only] = conditions;
  if (only === undefined) {
    throw new InvalidParameter(`An ${word} condition needs at least one condition.`, { code: "empty_condition", received: "[]" });
  }
  if (conditions.length === 1) return compileNode(only, ctx, minimum);
  ctx.operators.add(conditions.length - 1);
  // Concatenated in place (no parts array): children compile left to right, as placeholders must.
  const separator = word === "AND" ? " AND " : " OR ";
  let text = compileNode(only, ctx, precedence);
  for (let i = 1; i < conditions.length; i++) text += separator + compileNode(conditions[i] as ConditionNode, ctx, precedence);
  return wrap(text, precedence, minimum);
}

function compileNode(node: ConditionNode, ctx: CompileContext, minimum: number): string {
  switch (node.kind) {
    case "comparison": {
      ctx.operators.add();
      return wrap(compileComparison(node, ctx), COMPARISON, minimum);
    }
    case "between": {
      ctx.operators.add();
      const context = contextPath([node.subject, node.low, node.high]);
      const subject = compileOperand(node.subject, context, ctx, "between", ORDERED_TYPES);
      const low = compileOperand(node.low, context, ctx, "between", ORDERED_TYPES);
      const high = compileOperand(node.high, context, ctx, "between", ORDERED_TYPES);
      return wrap(`${subject} BETWEEN ${low} AND ${high}`, COMPARISON, minimum);
    }
    case "in":
      ctx.operators.add();
      return wrap(compileIn(node, ctx), COMPARISON, minimum);
    case "begins_with":
    case "contains": {
      ctx.operators.add();
      const path = compilePath(node.path, ctx.registry);
      const accept = node.kind === "begins_with" ? PREFIX_TYPES : undefined;
      return `${node.kind}(${path}, ${compileOperand(node.value, node.path, ctx, node.kind, accept)})`;
    }
    case "attribute_exists":
    case "attribute_not_exists":
      ctx.operators.add();
      return `${node.kind}(${compilePath(node.path, ctx.registry)})`;
    case "attribute_type": {
      ctx.operators.add();
      const path = compilePath(node.path, ctx.registry);
      ctx.slots?.push({ type: node.type });
      return `attribute_type(${path}, ${ctx.registry.value({ S: node.type })})`;
    }
    case "and":
      return compileJunction(node.conditions, ctx, minimum, "AND");
    case "or":
      return compileJunction(node.conditions, ctx, minimum, "OR");
    case "not":
      ctx.operators.add();
      return wrap(`NOT ${compileNode(node.condition, ctx, ATOM)}`, NOT, minimum);
    case "group":
      return parenthesize(compileNode(node.condition, ctx, 0));
    case "raw":
      return wrap(compileRaw(node, ctx), 0, minimum);
    default:
      return assertNever(node, "condition node");
  }
}

function compileComparison(node: ComparisonNode, ctx: CompileContext): string {
  const context = contextPathOf(node.left, node.right);
  const accept = node.operator === "eq" || node.operator === "ne" ? undefined : ORDERED_TYPES;
  const left = compileOperand(node.left, context, ctx, node.operator, accept);
  const right = compileOperand(node.right, context, ctx, node.operator, accept);
  return `${left} ${COMPARATORS[node.operator]} ${right}`;
}

function compileIn(node: InNode, ctx: CompileContext): string {
  const context = contextPath([node.subject, ...node.values]);
  const where = context ? `"${pathToString(context)}"` : "size()";
  if (node.values.length === 0) {
    throw new InvalidParameter(`IN on ${where} needs at least one value.`, {
      code: "invalid_in",
      path: context ? pathToString(context) : "",
    });
  }
  if (node.values.length > EXPRESSION_LIMITS.maxInOperands) {
    throw new LimitExceeded(
      `IN on ${where} has ${node.values.length} values; DynamoDB allows at most ${EXPRESSION_LIMITS.maxInOperands}.`,
      {
        code: "too_many_in_operands",
        path: context ? pathToString(context) : "",
        expected: `<= ${EXPRESSION_LIMITS.maxInOperands}`,
        received: `${node.values.length}`,
      },
    );
  }
  const subject = compileOperand(node.subject, context, ctx, "in");
  const values = node.values.map((value) => compileOperand(value, context, ctx, "in"));
  return `${subject} IN (${values.join(", ")})`;
}
