/**
 * Dynamoose's `objectFromSchema` with `type: "fromDynamo"` turns stored Dates (epoch numbers, ISO strings) into
 * `Date`s only with `customTypesDynamo`; without it, a Date attribute keeps the value given. The conform path reads
 * values through the schema (which makes Dates), then puts back the values given where a Date was made of them.
 *
 * @module
 * @internal
 */
import type { ObjectShape, TypeNode } from "../schema/nodes.js";
import { isPlainObject } from "../schema/parse.js";

const holdsDates = (type: TypeNode): boolean => type.kind === "date" || (type.kind === "set" && type.element === "date");

/** `read` (a value of one of `types`) with the value given back where the read made Dates of it. */
function restore(types: readonly TypeNode[], read: unknown, given: unknown): unknown {
  if ((read instanceof Date && !(given instanceof Date)) || (read instanceof Set && given instanceof Set)) {
    return types.some(holdsDates) ? given : read;
  }
  if (isPlainObject(read) && isPlainObject(given)) {
    for (const type of types) if (type.kind === "object" && type.shape) keepGivenDates(type.shape, read, given);
  } else if (Array.isArray(read) && Array.isArray(given)) {
    for (const type of types) {
      if (type.kind !== "array" || !type.element) continue;
      for (let i = 0; i < read.length; i++) read[i] = restore(type.element.types, read[i], given[i]);
    }
  }
  return read;
}

/**
 * Puts the values of `given` back into `read` (in place; returned) where reading them through `shape` made Dates, at
 * every depth: Dynamoose's `fromDynamo` without `customTypesDynamo`.
 */
export function keepGivenDates(shape: ObjectShape, read: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  for (const attribute of shape.attributes) {
    const key = attribute.readName;
    if (!Object.hasOwn(read, key) || !Object.hasOwn(given, attribute.name)) continue;
    read[key] = restore(attribute.types, read[key], given[attribute.name]);
  }
  return read;
}
