/**
 * The update compiler: actions grouped into `SET`, `REMOVE`, `ADD`, `DELETE` clauses, in that order.
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";
import { assertNever } from "./assert-never.js";
import { type CompileContext, compilePath, compileValue } from "./compile-operand.js";
import { defaultEncoder, type ValueEncoder } from "./encoder.js";
import { checkExpressionLength, OperatorCounter } from "./limits.js";
import { type Path, pathToString } from "./path.js";
import type { ExpressionRegistry } from "./registry.js";
import type { UpdateAction, UpdateOperand } from "./update-action.js";

const CLAUSES = ["set", "remove", "add", "delete"] as const;
type Clause = (typeof CLAUSES)[number];

/** The keyword that opens each clause. */
const KEYWORDS: Readonly<Record<Clause, string>> = { set: "SET ", remove: "REMOVE ", add: "ADD ", delete: "DELETE " };

function clauseOf(action: UpdateAction): Clause {
  switch (action.kind) {
    case "set":
    case "remove":
    case "add":
    case "delete":
      return action.kind;
    default:
      return assertNever(action, "update action");
  }
}

/**
 * Compiles update actions to an `UpdateExpression`: actions grouped by clause, clauses always in the order
 * `SET`, `REMOVE`, `ADD`, `DELETE`, actions within a clause in the given order. Values are encoded for the path
 * they are written to (inside `if_not_exists(p, v)`, for `p`). Throws `InvalidParameter` when there are no
 * actions or two actions touch overlapping paths (DynamoDB refuses those), and `LimitExceeded` past its limits.
 *
 * @example
 * ```ts
 * compileUpdate([updateAction.remove("a"), updateAction.set("b", 1), updateAction.delete("c", new Set(["x"]))], registry);
 * // "SET #n0 = :v0 REMOVE #n1 DELETE #n2 :v1"
 * ```
 */
export function compileUpdate(
  actions: readonly UpdateAction[],
  registry: ExpressionRegistry,
  encode: ValueEncoder = defaultEncoder,
): string {
  if (actions.length === 0) {
    throw new InvalidParameter("An update needs at least one action.", { code: "empty_update", received: "[]" });
  }
  const ctx: CompileContext = { registry, encode, operators: new OperatorCounter("update expression") };
  for (const action of actions) clauseOf(action);
  checkOverlaps(actions);
  let expression = "";
  for (const clause of CLAUSES) {
    // compiled clause by clause, so placeholders are numbered in the order they appear
    const text = compileClause(clause, actions, ctx);
    if (text !== "") expression += expression === "" ? text : ` ${text}`;
  }
  checkExpressionLength("update expression", expression);
  return expression;
}

/** One clause (`SET a = :v0, b = :v1`) of the actions of that kind, in their order; `""` when there are none. */
function compileClause(clause: Clause, actions: readonly UpdateAction[], ctx: CompileContext): string {
  let text = "";
  for (const action of actions) {
    if (action.kind !== clause) continue;
    text += text === "" ? KEYWORDS[clause] + compileAction(action, ctx) : `, ${compileAction(action, ctx)}`;
  }
  return text;
}

function compileAction(action: UpdateAction, ctx: CompileContext): string {
  ctx.operators.add();
  switch (action.kind) {
    case "set": {
      const path = compilePath(action.path, ctx.registry);
      return `${path} = ${compileUpdateOperand(action.value, action.path, ctx)}`;
    }
    case "remove":
      return compilePath(action.path, ctx.registry);
    case "add":
    case "delete": {
      const path = compilePath(action.path, ctx.registry);
      const value =
        action.value.kind === "value"
          ? compileValue(action.value.value, action.path, ctx, action.kind)
          : ctx.registry.value(action.value.value);
      return `${path} ${value}`;
    }
    default:
      return assertNever(action, "update action");
  }
}

function compileUpdateOperand(node: UpdateOperand, target: Path, ctx: CompileContext): string {
  switch (node.kind) {
    case "path":
      return compilePath(node.path, ctx.registry);
    case "value":
      return compileValue(node.value, target, ctx, "set");
    case "attribute_value":
      return ctx.registry.value(node.value);
    case "if_not_exists": {
      ctx.operators.add();
      const path = compilePath(node.path, ctx.registry);
      return `if_not_exists(${path}, ${compileUpdateOperand(node.value, node.path, ctx)})`;
    }
    case "list_append": {
      ctx.operators.add();
      const left = compileUpdateOperand(node.left, target, ctx);
      return `list_append(${left}, ${compileUpdateOperand(node.right, target, ctx)})`;
    }
    case "plus":
    case "minus": {
      ctx.operators.add();
      const left = compileUpdateOperand(node.left, target, ctx);
      return `${left} ${node.kind === "plus" ? "+" : "-"} ${compileUpdateOperand(node.right, target, ctx)}`;
    }
    default:
      return assertNever(node, "update operand");
  }
}

/** True when one path equals the other or lies inside it (`a` and `a.b`, `l` and `l[0]`). */
function overlaps(a: Path, b: Path): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return false;
    if (x.kind === "name" ? y.kind !== "name" || x.name !== y.name : y.kind !== "index" || x.index !== y.index) return false;
  }
  return true;
}

function checkOverlaps(actions: readonly UpdateAction[]): void {
  for (let i = 0; i < actions.length; i++) {
    for (let j = i + 1; j < actions.length; j++) {
      const a = actions[i];
      const b = actions[j];
      if (a && b && overlaps(a.path, b.path)) {
        const first = pathToString(a.path);
        const second = pathToString(b.path);
        throw new InvalidParameter(
          first === second
            ? `The update touches "${first}" twice (${a.kind} and ${b.kind}); DynamoDB refuses overlapping paths.`
            : `The update touches "${first}" and "${second}", which overlap; DynamoDB refuses overlapping paths.`,
          { code: "overlapping_update_paths", path: second },
        );
      }
    }
  }
}
