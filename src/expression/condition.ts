/**
 * `Condition`: the Dynamoose-compatible chainable builder, a thin mutable facade over immutable condition nodes.
 *
 * @module
 */
import { InvalidFilterComparison, InvalidParameter } from "../errors.js";
import { cond } from "./condition-factory.js";
import type { AttributeTypeName, ComparisonOperator, ConditionNode } from "./condition-node.js";
import { isPlainObject, isRawConditionObject, objectToNodes, rawObjectToNode } from "./condition-object.js";
import type { AttributePath, ConditionFields, ConditionObject, ContainsValue, PathValue, RawConditionObject } from "./condition-types.js";
import { operand } from "./operand.js";
import { type Path, pathToString, toPath } from "./path.js";

const BRAND: unique symbol = Symbol.for("dynamodel.Condition");

const NEGATED: Readonly<Record<ComparisonOperator, ComparisonOperator>> = { eq: "ne", ne: "eq", lt: "ge", le: "gt", gt: "le", ge: "lt" };

interface Entry {
  readonly join: "and" | "or";
  readonly node: ConditionNode;
}

/**
 * What `new Condition(...)` accepts: nothing, an attribute path (checked against `T` when `T` is an item type or a
 * model), another Condition (copied), the object form `{attr: value | {op: value}}`, or a raw DynamoDB object.
 *
 * @example
 * ```ts
 * const init: ConditionInit<User> = { age: { gt: 18 } };
 * ```
 */
export type ConditionInit<T> =
  | Condition<T>
  | NoInfer<AttributePath<ConditionFields<T>>>
  | NoInfer<ConditionObject<ConditionFields<T>>>
  | RawConditionObject;

/**
 * A Dynamoose v4 condition: chain `where(path)`, an optional `not()`, and an operator; comparisons join with AND
 * unless `or()` precedes them. The chain mutates and returns `this`, as in Dynamoose; `toNode()` hands the
 * immutable AST to the compiler.
 *
 * Precedence: comparisons join left to right with AND binding tighter than OR, as in DynamoDB, so
 * `a.or().b.c` means `a OR (b AND c)`; use `parenthesis`/`group` for anything else. The compiled string adds
 * parentheses wherever needed to mean exactly that.
 *
 * Additions to Dynamoose: `not()` before `in`/`between`/`beginsWith`/`attributeType`/`parenthesis` produces
 * `NOT (...)` instead of throwing; `size()` comparisons; `attributeType(t)`; a raw object combines with later
 * chained comparisons instead of ignoring them; an operator without an attribute throws `InvalidParameter`.
 *
 * @example
 * ```ts
 * new Condition("name").eq("bob").and().parenthesis((c) => c.where("age").lt(1).or().where("age").ge(4));
 * // "#n0 = :v0 AND (#n1 < :v1 OR #n1 >= :v2)"
 * new Condition<User>().where("tags").size().gt(2); // "size(#n0) > :v0"
 * new Condition<typeof Order>().where("address.city").eq("Paris"); // names and values checked against the model
 * ```
 */
export class Condition<T = Record<string, unknown>, V = unknown> {
  /** @internal */
  readonly [BRAND] = true;
  #entries: Entry[] = [];
  #path: Path | undefined;
  #negate = false;
  #size = false;
  #join: "and" | "or" = "and";

  /**
   * @example
   * ```ts
   * new Condition();                       // empty
   * new Condition("age").gt(3);            // #n0 > :v0
   * new Condition({ id: "a", age: { ge: 18 } }); // #n0 = :v0 AND #n1 >= :v1
   * ```
   */
  constructor(init?: ConditionInit<T>) {
    if (init === undefined || init === null) return;
    if (typeof init === "string") {
      this.#path = toPath(init);
    } else if (init instanceof Condition) {
      this.#entries = [...init.#entries];
      this.#path = init.#path;
      this.#negate = init.#negate;
      this.#size = init.#size;
      this.#join = init.#join;
    } else if (isCondition(init)) {
      // a Condition from another copy of the library: keep what it built
      const node = init.toNode();
      if (node !== undefined) this.#entries.push({ join: "and", node });
    } else if (isRawConditionObject(init)) {
      this.#entries.push({ join: "and", node: rawObjectToNode(init) });
    } else if (isPlainObject(init)) {
      for (const node of objectToNodes(init)) this.#entries.push({ join: "and", node });
    } else {
      throw new InvalidParameter("A Condition takes a path string, an object, a raw DynamoDB condition or another Condition.", {
        code: "invalid_condition",
        received: typeof init,
      });
    }
  }

  #retype<X>(): Condition<T, X> {
    return this as unknown as Condition<T, X>;
  }

  /**
   * Starts a comparison on `path` (dotted, with `[n]` list indexes; or segments for names containing dots),
   * discarding an unfinished one and its `not()`. Aliases: `filter`, `attribute`.
   *
   * @example
   * ```ts
   * new Condition().where("address.city").eq("Paris"); // #n0.#n1 = :v0
   * ```
   */
  where<P extends AttributePath<ConditionFields<T>>>(path: P | Path): Condition<T, PathValue<ConditionFields<T>, P>> {
    this.#path = toPath(path);
    this.#negate = false;
    this.#size = false;
    return this.#retype();
  }

  /** Alias of {@link Condition.where}. @example new Condition().filter("age").gt(3) */
  filter<P extends AttributePath<ConditionFields<T>>>(path: P | Path): Condition<T, PathValue<ConditionFields<T>, P>> {
    return this.where(path);
  }

  /** Alias of {@link Condition.where}. @example new Condition().attribute("age").gt(3) */
  attribute<P extends AttributePath<ConditionFields<T>>>(path: P | Path): Condition<T, PathValue<ConditionFields<T>, P>> {
    return this.where(path);
  }

  /**
   * Joins the next comparison with AND, the default: a no-op kept for Dynamoose, so it does not undo a preceding
   * `or()` (`or().and()` still joins with OR, as in Dynamoose).
   * @example c.where("a").eq(1).and().where("b").eq(2)
   */
  and(): this {
    return this;
  }

  /** Joins the next comparison with OR. @example c.where("a").eq(1).or().where("b").eq(2) // #n0 = :v0 OR #n1 = :v1 */
  or(): this {
    this.#join = "or";
    return this;
  }

  /**
   * Toggles negation of the next comparison: eq<->ne, lt->ge, le->gt, gt->le, ge->lt, exists->attribute_not_exists,
   * anything else -> `NOT (...)`.
   *
   * @example
   * ```ts
   * new Condition("tags").not().contains("x"); // NOT contains(#n0, :v0)
   * ```
   */
  not(): this {
    this.#negate = !this.#negate;
    return this;
  }

  /**
   * Compares `size(path)` instead of the attribute itself (an addition to Dynamoose).
   *
   * @example
   * ```ts
   * new Condition("tags").size().gt(2); // size(#n0) > :v0
   * ```
   */
  size(): Condition<T, number> {
    this.#size = true;
    return this.#retype();
  }

  /**
   * Adds a parenthesised sub-condition, given as a Condition or built by a callback on a fresh one.
   * An empty sub-condition adds nothing. Alias: `group`.
   *
   * @example
   * ```ts
   * new Condition("a").eq(1).parenthesis((c) => c.where("b").lt(1).or().where("b").gt(9)); // #n0 = :v0 AND (#n1 < :v1 OR #n1 > :v2)
   * ```
   */
  parenthesis(condition: Condition<T> | ((c: Condition<T>) => Condition<T>)): Condition<T> {
    const sub = typeof condition === "function" ? condition(new Condition<T>()) : condition;
    if (!isCondition(sub)) {
      throw new InvalidParameter("parenthesis()/group() takes a Condition or a function returning one.", {
        code: "invalid_condition",
        received: typeof sub,
      });
    }
    const node = sub.toNode();
    const negate = this.#negate;
    this.#negate = false;
    if (node === undefined) return this.#retype();
    return this.#push(negate ? cond.not(cond.group(node)) : cond.group(node));
  }

  /** Alias of {@link Condition.parenthesis}. @example c.group((g) => g.where("a").eq(1).or().where("b").eq(2)) */
  group(condition: Condition<T> | ((c: Condition<T>) => Condition<T>)): Condition<T> {
    return this.parenthesis(condition);
  }

  /** `path = value` (`<>` after `not()`). @example new Condition("id").eq("a") // #n0 = :v0 */
  eq(value: V): Condition<T> {
    return this.#compare("eq", value);
  }

  /** `path <> value` (`=` after `not()`). @example new Condition("id").ne("a") // #n0 <> :v0 */
  ne(value: V): Condition<T> {
    return this.#compare("ne", value);
  }

  /** `path < value` (`>=` after `not()`). @example new Condition("age").lt(3) // #n0 < :v0 */
  lt(value: V): Condition<T> {
    return this.#compare("lt", value);
  }

  /** `path <= value` (`>` after `not()`). @example new Condition("age").le(3) // #n0 <= :v0 */
  le(value: V): Condition<T> {
    return this.#compare("le", value);
  }

  /** `path > value` (`<=` after `not()`). @example new Condition("age").gt(3) // #n0 > :v0 */
  gt(value: V): Condition<T> {
    return this.#compare("gt", value);
  }

  /** `path >= value` (`<` after `not()`). @example new Condition("age").ge(3) // #n0 >= :v0 */
  ge(value: V): Condition<T> {
    return this.#compare("ge", value);
  }

  /** `begins_with(path, value)`. @example new Condition("sk").beginsWith("USER#") // begins_with(#n0, :v0) */
  beginsWith(value: V): Condition<T> {
    return this.#function("beginsWith", (path) => cond.beginsWith(path, value));
  }

  /** `contains(path, value)`; `NOT contains(...)` after `not()`. @example new Condition("tags").contains("x") // contains(#n0, :v0) */
  contains(value: ContainsValue<V>): Condition<T> {
    return this.#function("contains", (path) => cond.contains(path, value));
  }

  /**
   * `attribute_exists(path)`; `attribute_not_exists(path)` after `not()` or with `false`.
   *
   * @example
   * ```ts
   * new Condition("id").not().exists(); // attribute_not_exists(#n0)
   * ```
   */
  exists(value = true): Condition<T> {
    const path = this.#take("exists");
    const exists = value !== this.#negate;
    return this.#finish(exists ? cond.attributeExists(path) : cond.attributeNotExists(path));
  }

  /** `path IN (values...)` (1 to 100 values). @example new Condition("status").in(["a", "b"]) // #n0 IN (:v0, :v1) */
  in(values: readonly V[]): Condition<T> {
    if (this.#size)
      return this.#sizeNode("in", (subject) =>
        cond.inOperands(
          subject,
          values.map((v) => operand.value(v)),
        ),
      );
    return this.#function("in", (path) => cond.in(path, values));
  }

  /** `path BETWEEN low AND high`. @example new Condition("age").between(1, 5) // #n0 BETWEEN :v0 AND :v1 */
  between(low: V, high: V): Condition<T> {
    if (this.#size) {
      return this.#sizeNode("between", (subject) => cond.betweenOperands(subject, operand.value(low), operand.value(high)));
    }
    return this.#function("between", (path) => cond.between(path, low, high));
  }

  /** `attribute_type(path, type)` (an addition). @example new Condition("tags").attributeType("SS") // attribute_type(#n0, :v0) */
  attributeType(type: AttributeTypeName): Condition<T> {
    return this.#function("attributeType", (path) => cond.attributeType(path, type));
  }

  /**
   * The condition as an immutable AST, or `undefined` when empty. An unfinished comparison is ignored.
   *
   * @example
   * ```ts
   * compileCondition(new Condition("a").eq(1).toNode()!, registry); // "#n0 = :v0"
   * ```
   */
  toNode(): ConditionNode | undefined {
    const entries = this.#entries;
    if (entries.length === 0) return undefined;
    if (!entries.some((entry) => entry.join === "or")) return cond.and(...entries.map((entry) => entry.node));
    const alternatives: ConditionNode[][] = [];
    for (const entry of this.#entries) {
      const last = alternatives[alternatives.length - 1];
      if (last === undefined || entry.join === "or") alternatives.push([entry.node]);
      else last.push(entry.node);
    }
    if (alternatives.length === 0) return undefined;
    return cond.or(...alternatives.map((all) => cond.and(...all)));
  }

  #take(op: string): Path {
    const path = this.#path;
    if (path === undefined) {
      throw new InvalidParameter(`${op}() needs an attribute: call where(path) first.`, {
        code: "missing_attribute",
        received: "no attribute",
      });
    }
    return path;
  }

  #push(node: ConditionNode): Condition<T> {
    this.#entries.push({ join: this.#join, node });
    this.#join = "and";
    return this.#retype();
  }

  #finish(node: ConditionNode): Condition<T> {
    this.#path = undefined;
    this.#negate = false;
    this.#size = false;
    return this.#push(node);
  }

  #compare(operator: ComparisonOperator, value: unknown): Condition<T> {
    const path = this.#take(operator);
    const op = this.#negate ? NEGATED[operator] : operator;
    const left = this.#size ? operand.size(path) : operand.path(path);
    return this.#finish(cond.compare(op, left, operand.value(value)));
  }

  #sizeNode(op: string, build: (subject: ReturnType<typeof operand.size>) => ConditionNode): Condition<T> {
    const path = this.#take(op);
    const node = build(operand.size(path));
    return this.#finish(this.#negate ? cond.not(node) : node);
  }

  #function(op: string, build: (path: Path) => ConditionNode): Condition<T> {
    const path = this.#take(op);
    if (this.#size) {
      throw new InvalidFilterComparison(`${op}() can not follow size() (on "${pathToString(path)}"): size() compares numbers.`, {
        code: "invalid_filter_comparison",
        path: pathToString(path),
        expected: "eq, ne, lt, le, gt, ge, in, between",
        received: op,
      });
    }
    const node = build(path);
    return this.#finish(this.#negate ? cond.not(node) : node);
  }
}

/**
 * True for a dynamodel `Condition` (also one from another copy of the library, e.g. the CJS and ESM builds).
 *
 * @example
 * ```ts
 * isCondition(new Condition("a").eq(1)); // true
 * isCondition({ a: 1 });                 // false
 * ```
 */
export function isCondition(x: unknown): x is Condition {
  return x instanceof Condition || (typeof x === "object" && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true);
}
