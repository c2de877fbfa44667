/**
 * The key attributes of a model, and the refusal of two operations on one key in a batch.
 *
 * @module
 * @internal
 */
import { InvalidParameter, describeValue } from "../errors.js";
import type { Schema } from "../schema/schema.js";

/** The key attribute names of a schema: the hash key, then the range key if any. */
export function keyNames(schema: Schema): string[] {
  return schema.rangeKey === undefined ? [schema.hashKey] : [schema.hashKey, schema.rangeKey];
}

/** Refuses, before anything is sent, a batch that names one key twice. */
export function refuseDuplicates<E extends { readonly id: string }>(
  model: string,
  operation: string,
  entries: readonly E[],
  show: (entry: E) => unknown,
): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first !== undefined) {
      throw new InvalidParameter(
        `${model}.${operation}: entries ${first} and ${index} have the same key ${describeValue(show(entry))}; DynamoDB refuses a batch that names one item twice.`,
        { code: "duplicate_key", received: describeValue(show(entry)) },
      );
    }
    seen.set(entry.id, index);
  });
}
