/**
 * The condition half of the Query/Scan builders: every `Condition` method, chainable, delegated to one
 * `Condition` the builder owns (so the chain means exactly what the same `Condition` chain means).
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";
import {
  type AttributeTypeName,
  Condition,
  type ConditionInit,
  type ConditionNode,
  type ContainsValue,
  type Path,
  isCondition,
} from "../expression/index.js";
import type { PathOf, RetrieverFamily, RetrieverOf, ValueAt } from "./types.js";

/**
 * Anything with a condition AST: a `Condition`, or a Query/Scan.
 *
 * @example
 * ```ts
 * const c: ConditionLike = new Condition("age").gt(3);
 * ```
 */
export interface ConditionLike {
  toNode(): ConditionNode | undefined;
}

type Plain = Condition<Record<string, unknown>>;

const CONDITION_BRAND = Symbol.for("dynamodel.Condition");

/**
 * The chainable condition methods of Query and Scan (Dynamoose's `ItemRetriever` condition surface).
 * Comparisons join with AND unless `or()` precedes them; `parenthesis`/`group` nest.
 *
 * @example
 * ```ts
 * User.scan("age").gt(18).and().parenthesis((c) => c.where("team").eq("red").or().where("team").eq("blue"));
 * ```
 */
export abstract class ConditionChain<F extends RetrieverFamily, T, V, C extends boolean> {
  /** @internal */
  protected readonly condition: Plain;

  /** @internal */
  constructor(init: unknown) {
    if (init !== undefined && init !== null && typeof init !== "string" && typeof init !== "object") {
      throw new InvalidParameter("A query or scan takes a path string, a condition object or a Condition.", {
        code: "invalid_condition",
        received: typeof init,
      });
    }
    this.condition = init === undefined || init === null ? new Condition() : new Condition(init as ConditionInit<Record<string, unknown>>);
  }

  #self<X = V>(): RetrieverOf<F, T, X, C> {
    return this as unknown as RetrieverOf<F, T, X, C>;
  }

  /** The whole condition as an AST (`undefined` when empty). @example `compileCondition(User.scan("a").eq(1).toNode()!, registry)` */
  toNode(): ConditionNode | undefined {
    return this.condition.toNode();
  }

  /** Starts a comparison on `path` (dotted, `[n]` list indexes). @example `User.query("id").eq("u1").where("age").gt(3)` */
  where<P extends PathOf<T>>(path: P | Path): RetrieverOf<F, T, ValueAt<T, P>, C> {
    this.condition.where(path as string | Path);
    return this.#self<ValueAt<T, P>>();
  }

  /** Alias of `where`. @example `User.scan().filter("age").gt(3)` */
  filter<P extends PathOf<T>>(path: P | Path): RetrieverOf<F, T, ValueAt<T, P>, C> {
    return this.where(path);
  }

  /** Alias of `where`. @example `User.scan().attribute("age").gt(3)` */
  attribute<P extends PathOf<T>>(path: P | Path): RetrieverOf<F, T, ValueAt<T, P>, C> {
    return this.where(path);
  }

  /** Joins the next comparison with AND (the default). @example `User.scan("a").eq(1).and().where("b").eq(2)` */
  and(): this {
    this.condition.and();
    return this;
  }

  /** Joins the next comparison with OR. @example `User.scan("a").eq(1).or().where("b").eq(2)` */
  or(): this {
    this.condition.or();
    return this;
  }

  /** Negates the next comparison. @example `User.scan("tags").not().contains("x")` // NOT contains(...) */
  not(): this {
    this.condition.not();
    return this;
  }

  /** Compares `size(path)` (an addition). @example `User.scan("tags").size().gt(2)` */
  size(): RetrieverOf<F, T, number, C> {
    this.condition.size();
    return this.#self<number>();
  }

  /**
   * Adds a parenthesised sub-condition (a Condition, or built by a callback on a fresh one).
   * @example `User.query("id").eq("u1").parenthesis((c) => c.where("a").eq(1).or().where("b").eq(2))`
   */
  parenthesis(condition: ConditionLike | ((c: Condition<T>) => ConditionLike)): RetrieverOf<F, T, unknown, C> {
    const sub = typeof condition === "function" ? condition(new Condition<T>()) : condition;
    if (!isCondition(sub) && !(sub instanceof ConditionChain)) {
      throw new InvalidParameter("parenthesis()/group() takes a Condition or a function returning one.", {
        code: "invalid_condition",
        received: typeof sub,
      });
    }
    // Condition recognises conditions of other library copies by this brand and reads only their toNode().
    const node = sub.toNode();
    this.condition.parenthesis({ [CONDITION_BRAND]: true, toNode: () => node } as unknown as Plain);
    return this.#self<unknown>();
  }

  /** Alias of `parenthesis`. @example `User.scan().group((c) => c.where("a").eq(1).or().where("b").eq(2))` */
  group(condition: ConditionLike | ((c: Condition<T>) => ConditionLike)): RetrieverOf<F, T, unknown, C> {
    return this.parenthesis(condition);
  }

  /** `path = value`. @example `User.query("id").eq("u1")` */
  eq(value: V): RetrieverOf<F, T, unknown, C> {
    this.condition.eq(value);
    return this.#self<unknown>();
  }

  /** `path <> value`. @example `User.scan("status").ne("gone")` */
  ne(value: V): RetrieverOf<F, T, unknown, C> {
    this.condition.ne(value);
    return this.#self<unknown>();
  }

  /** `path < value`. @example `User.scan("age").lt(18)` */
  lt(value: V): RetrieverOf<F, T, unknown, C> {
    this.condition.lt(value);
    return this.#self<unknown>();
  }

  /** `path <= value`. @example `User.scan("age").le(18)` */
  le(value: V): RetrieverOf<F, T, unknown, C> {
    this.condition.le(value);
    return this.#self<unknown>();
  }

  /** `path > value`. @example `User.scan("age").gt(18)` */
  gt(value: V): RetrieverOf<F, T, unknown, C> {
    this.condition.gt(value);
    return this.#self<unknown>();
  }

  /** `path >= value`. @example `User.scan("age").ge(18)` */
  ge(value: V): RetrieverOf<F, T, unknown, C> {
    this.condition.ge(value);
    return this.#self<unknown>();
  }

  /** `begins_with(path, value)`; a key condition on a range key. @example `Post.query("pk").eq("u1").where("sk").beginsWith("POST#")` */
  beginsWith(value: V): RetrieverOf<F, T, unknown, C> {
    this.condition.beginsWith(value);
    return this.#self<unknown>();
  }

  /** `contains(path, value)`: a set or list element, or a substring. @example `User.scan("tags").contains("x")` */
  contains(value: ContainsValue<V>): RetrieverOf<F, T, unknown, C> {
    this.condition.contains(value);
    return this.#self<unknown>();
  }

  /** `attribute_exists(path)` (`attribute_not_exists` after `not()` or with `false`). @example `User.scan("email").exists()` */
  exists(value = true): RetrieverOf<F, T, unknown, C> {
    this.condition.exists(value);
    return this.#self<unknown>();
  }

  /** `path IN (values...)` (never a key condition). @example `User.scan("status").in(["a", "b"])` */
  in(values: readonly V[]): RetrieverOf<F, T, unknown, C> {
    this.condition.in(values);
    return this.#self<unknown>();
  }

  /** `path BETWEEN low AND high`. @example `User.query("team").eq("red").where("age").between(18, 30)` */
  between(low: V, high: V): RetrieverOf<F, T, unknown, C> {
    this.condition.between(low, high);
    return this.#self<unknown>();
  }

  /** `attribute_type(path, type)` (an addition). @example `User.scan("tags").attributeType("SS")` */
  attributeType(type: AttributeTypeName): RetrieverOf<F, T, unknown, C> {
    this.condition.attributeType(type);
    return this.#self<unknown>();
  }
}
