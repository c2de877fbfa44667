/**
 * Update operations beyond Dynamoose: frozen markers used as values in an update object (plain properties and
 * `$SET`, also on `"a.b"` / `"list[2]"` paths). `Model.update` turns each into a `SET` action.
 *
 * | marker | compiled `SET` |
 * |---|---|
 * | `update.ifNotExists(v)` | `#p = if_not_exists(#p, :v)` |
 * | `update.increment(n)` | `#p = if_not_exists(#p, :zero) + :n` |
 * | `update.decrement(n)` | `#p = if_not_exists(#p, :zero) - :n` |
 * | `update.append(list)` | `#p = list_append(if_not_exists(#p, :empty), :list)` |
 * | `update.prepend(list)` | `#p = list_append(:list, if_not_exists(#p, :empty))` |
 *
 * Increment and decrement start from 0 on an absent attribute (as `$ADD` does); append and prepend start from an
 * empty list. A leaf: the markers are values of an update object, which `schema/` types (`InferUpdate`) and `bind/`
 * turns into actions; `expression/` re-exports them.
 *
 * @module
 */
import { InvalidParameter } from "./errors.js";

const BRAND: unique symbol = Symbol.for("dynamodel.UpdateOperation");

/** `SET #p = if_not_exists(#p, :v)`: writes `value` only when the attribute is absent. @example update.ifNotExists(0) */
export interface IfNotExistsOperation<T = unknown> {
  /** Marks the object as made by `dynamodel.update`. */
  readonly [BRAND]: true;
  /** Which operation. */
  readonly kind: "ifNotExists";
  /** The value written when the attribute is absent. */
  readonly value: T;
}

/** `SET #p = if_not_exists(#p, :zero) + :n`. @example update.increment(2) */
export interface IncrementOperation<N extends number | bigint = number | bigint> {
  /** Marks the object as made by `dynamodel.update`. */
  readonly [BRAND]: true;
  /** Which operation. */
  readonly kind: "increment";
  /** The amount added. */
  readonly by: N;
}

/** `SET #p = if_not_exists(#p, :zero) - :n`. @example update.decrement(2) */
export interface DecrementOperation<N extends number | bigint = number | bigint> {
  /** Marks the object as made by `dynamodel.update`. */
  readonly [BRAND]: true;
  /** Which operation. */
  readonly kind: "decrement";
  /** The amount subtracted. */
  readonly by: N;
}

/** `SET #p = list_append(if_not_exists(#p, :empty), :list)`. @example update.append(["x"]) */
export interface AppendOperation<E = unknown> {
  /** Marks the object as made by `dynamodel.update`. */
  readonly [BRAND]: true;
  /** Which operation. */
  readonly kind: "append";
  /** The elements appended. */
  readonly values: readonly E[];
}

/** `SET #p = list_append(:list, if_not_exists(#p, :empty))`. @example update.prepend(["x"]) */
export interface PrependOperation<E = unknown> {
  /** Marks the object as made by `dynamodel.update`. */
  readonly [BRAND]: true;
  /** Which operation. */
  readonly kind: "prepend";
  /** The elements prepended. */
  readonly values: readonly E[];
}

/**
 * Any update operation marker.
 *
 * @example
 * ```ts
 * const op: UpdateOperation = update.increment(1);
 * ```
 */
export type UpdateOperation = IfNotExistsOperation | IncrementOperation | DecrementOperation | AppendOperation | PrependOperation;

/**
 * True for a marker made by {@link update} (also by another copy of the library: the brand is `Symbol.for`).
 *
 * @example
 * ```ts
 * isUpdateOperation(update.append(["x"])); // true
 * isUpdateOperation({ kind: "append" });   // false
 * ```
 */
export function isUpdateOperation(value: unknown): value is UpdateOperation {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

function mark<T extends object>(fields: T): T & { readonly [BRAND]: true } {
  return Object.freeze(Object.defineProperty({ ...fields }, BRAND, { value: true, enumerable: false })) as T & { readonly [BRAND]: true };
}

function amount(what: string, by: unknown): void {
  if (!((typeof by === "number" && Number.isFinite(by)) || typeof by === "bigint")) {
    throw new InvalidParameter(
      `update.${what} takes a finite number (or a bigint), not ${typeof by === "number" ? String(by) : typeof by}.`,
      {
        code: "invalid_update_operation",
        expected: "finite number or bigint",
        received: typeof by === "number" ? String(by) : typeof by,
      },
    );
  }
}

function list(what: string, values: unknown): void {
  if (!Array.isArray(values)) {
    throw new InvalidParameter(`update.${what} takes an array of elements.`, {
      code: "invalid_update_operation",
      expected: "array",
      received: typeof values,
    });
  }
}

/** Writes `value` only when the attribute is absent. @example update.ifNotExists(new Date()) // if_not_exists(#n0, :v0) */
function ifNotExists<T>(value: T): IfNotExistsOperation<T> {
  if (value === undefined) {
    throw new InvalidParameter("update.ifNotExists was given undefined; pass a value.", { code: "undefined_value", received: "undefined" });
  }
  return mark({ kind: "ifNotExists" as const, value });
}

/** Adds `by` to a number attribute (0 when absent). @example update.increment(1) // #n0 = if_not_exists(#n0, :v0) + :v1 */
function increment(by: number): IncrementOperation<number>;
function increment(by: bigint): IncrementOperation<bigint>;
function increment(by: number | bigint): IncrementOperation {
  amount("increment", by);
  return mark({ kind: "increment" as const, by });
}

/** Subtracts `by` from a number attribute (0 when absent). @example update.decrement(1) // #n0 = if_not_exists(#n0, :v0) - :v1 */
function decrement(by: number): DecrementOperation<number>;
function decrement(by: bigint): DecrementOperation<bigint>;
function decrement(by: number | bigint): DecrementOperation {
  amount("decrement", by);
  return mark({ kind: "decrement" as const, by });
}

/** Appends elements to a list attribute (an empty list when absent). @example update.append(["x"]) // list_append(if_not_exists(#n0, :v0), :v1) */
function append<E>(values: readonly E[]): AppendOperation<E> {
  list("append", values);
  return mark({ kind: "append" as const, values: Object.freeze([...values]) });
}

/** Prepends elements to a list attribute (an empty list when absent). @example update.prepend(["x"]) // list_append(:v0, if_not_exists(#n0, :v1)) */
function prepend<E>(values: readonly E[]): PrependOperation<E> {
  list("prepend", values);
  return mark({ kind: "prepend" as const, values: Object.freeze([...values]) });
}

/**
 * The update operations, as `dynamodel.update`. Use them as values in `Model.update` (plain properties or `$SET`,
 * on whole attributes or `"a.b"` paths); values pass through the attribute's schema (type, `validate`, `enum`,
 * `set` transforms; for lists each element through the element type), and misuse (increment on a string, append
 * on a non-list) is refused with a `TypeMismatch` naming the path before sending.
 *
 * @example
 * ```ts
 * await User.update({ id: "u1" }, { visits: update.increment(1), "address.city": update.ifNotExists("Paris"), log: update.append(["login"]) });
 * // SET #n0 = if_not_exists(#n0, :v0) + :v1, #n1.#n2 = if_not_exists(#n1.#n2, :v2), #n3 = list_append(if_not_exists(#n3, :v3), :v4)
 * ```
 */
export const update: {
  /** Writes the value only when the attribute is absent: `update.ifNotExists(new Date())`. */
  readonly ifNotExists: typeof ifNotExists;
  /** Adds to a number attribute (0 when absent): `update.increment(1)`. */
  readonly increment: typeof increment;
  /** Subtracts from a number attribute (0 when absent): `update.decrement(1)`. */
  readonly decrement: typeof decrement;
  /** Appends to a list attribute (an empty list when absent): `update.append(["x"])`. */
  readonly append: typeof append;
  /** Prepends to a list attribute (an empty list when absent): `update.prepend(["x"])`. */
  readonly prepend: typeof prepend;
} = Object.freeze({ ifNotExists, increment, decrement, append, prepend });
