/**
 * Placeholder allocation shared by every expression of one request.
 *
 * @module
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

/** How many `#nK`/`:vK` placeholders are prepared up front (more are built on demand). */
const PREPARED_PLACEHOLDERS = 64;

/** `prefix0` … `prefix63`: flat, interned strings, so that allocating a placeholder builds no string. */
function preparedPlaceholders(prefix: string): readonly string[] {
  return Array.from({ length: PREPARED_PLACEHOLDERS }, (_, i) => `${prefix}${i}`);
}

const NAME_PLACEHOLDERS = preparedPlaceholders("#n");
const VALUE_PLACEHOLDERS = preparedPlaceholders(":v");

/**
 * The `K`th value placeholder, `:vK`, as the registry allocates it.
 *
 * @example
 * ```ts
 * valuePlaceholder(2); // ":v2"
 * ```
 * @internal
 */
export function valuePlaceholder(index: number): string {
  return VALUE_PLACEHOLDERS[index] ?? `:v${index}`;
}

/**
 * Allocates `#n0`/`:v0` placeholders for one request. Share ONE registry between the condition, key condition,
 * filter, update and projection of a request so that placeholders never collide; the same attribute name string
 * reuses its placeholder, every value gets a new one.
 *
 * @example
 * ```ts
 * const registry = new ExpressionRegistry();
 * registry.name("age");   // "#n0"
 * registry.name("age");   // "#n0" again
 * registry.value({ N: "3" }); // ":v0"
 * registry.toParams(); // { ExpressionAttributeNames: { "#n0": "age" }, ExpressionAttributeValues: { ":v0": { N: "3" } } }
 * ```
 */
export class ExpressionRegistry {
  readonly #byName = new Map<string, string>();
  // Built as placeholders are allocated, so toParams() hands them out without copying.
  #names: Record<string, string> | undefined;
  #values: Record<string, AttributeValue> | undefined;
  #nameCount = 0;
  #valueCount = 0;
  // True once toParams() handed #names/#values out: they are then copied before any further change (copy on write),
  // so a returned map never changes afterwards and the usual single toParams() per request copies nothing.
  #handedOut = false;
  // The values in allocation order: the maps are rebuilt from #byName and this, never from a handed-out map.
  readonly #valueList: AttributeValue[] = [];

  /**
   * Returns the placeholder for one attribute name (one path segment), allocating `#nK` the first time.
   *
   * @example
   * ```ts
   * registry.name("order"); // "#n0" (reserved words are safe: they only appear in the names map)
   * ```
   */
  name(segment: string): string {
    const existing = this.#byName.get(segment);
    if (existing !== undefined) return existing;
    const index = this.#nameCount++;
    const placeholder = NAME_PLACEHOLDERS[index] ?? `#n${index}`;
    this.#byName.set(segment, placeholder);
    if (this.#handedOut) this.#ownMaps();
    (this.#names ??= {})[placeholder] = segment;
    return placeholder;
  }

  /**
   * Returns a new `:vK` placeholder for an encoded value (values are never shared).
   *
   * @example
   * ```ts
   * registry.value({ S: "bob" }); // ":v0"
   * ```
   */
  value(v: AttributeValue): string {
    const index = this.#valueCount++;
    const placeholder = valuePlaceholder(index);
    if (this.#handedOut) this.#ownMaps();
    this.#valueList.push(v);
    (this.#values ??= {})[placeholder] = v;
    return placeholder;
  }

  /**
   * How many names and values were allocated so far.
   *
   * @example
   * ```ts
   * registry.size; // { names: 1, values: 1 }
   * ```
   */
  get size(): { names: number; values: number } {
    return { names: this.#nameCount, values: this.#valueCount };
  }

  /**
   * The request parameters: `{ExpressionAttributeNames?, ExpressionAttributeValues?}`, each omitted when empty.
   *
   * @example
   * ```ts
   * const params = { TableName: "User", ConditionExpression: expr, ...registry.toParams() };
   * ```
   */
  toParams(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
  } {
    const params: {
      ExpressionAttributeNames?: Record<string, string>;
      ExpressionAttributeValues?: Record<string, AttributeValue>;
    } = {};
    if (this.#handedOut) this.#ownMaps();
    this.#handedOut = true;
    if (this.#names) params.ExpressionAttributeNames = this.#names;
    if (this.#values) params.ExpressionAttributeValues = this.#values;
    return params;
  }

  /**
   * Replaces the maps handed out by toParams() with new ones, rebuilt from what was allocated (whatever the caller
   * did to the maps it holds), which this registry alone then writes to.
   */
  #ownMaps(): void {
    if (this.#names) {
      const names: Record<string, string> = {};
      for (const [segment, placeholder] of this.#byName) names[placeholder] = segment;
      this.#names = names;
    }
    if (this.#values) {
      const values: Record<string, AttributeValue> = {};
      this.#valueList.forEach((value, index) => {
        values[valuePlaceholder(index)] = value;
      });
      this.#values = values;
    }
    this.#handedOut = false;
  }
}
