/** Shared helpers for the schema runtime tests. */
import { expect } from "vitest";
import { DynamodelError } from "../../../src/errors.js";
import type { AttributeMap, WriteOptions } from "../../../src/schema/plan.js";
import type { Schema } from "../../../src/schema/schema.js";

// biome-ignore lint/suspicious/noExplicitAny: tests build schemas of every shape.
type AnySchema = Schema<any, any>;

/** `plan.toDynamo` for a new item, asserting that it stayed synchronous. */
export function write(schema: AnySchema, input: Record<string, unknown>, options: WriteOptions = { isNew: true }): AttributeMap {
  const out = schema.plan.toDynamo(input, options);
  if (out instanceof Promise) throw new Error("toDynamo returned a promise");
  return out;
}

/** `plan.toDynamo`, awaited (for async user functions). */
export async function writeAsync(
  schema: AnySchema,
  input: Record<string, unknown>,
  options: WriteOptions = { isNew: true },
): Promise<AttributeMap> {
  const out = schema.plan.toDynamo(input, options);
  expect(out).toBeInstanceOf(Promise);
  return out;
}

/** `plan.fromDynamo`, asserting that it stayed synchronous. */
export function read(schema: AnySchema, map: AttributeMap): Record<string, unknown> {
  const out = schema.plan.fromDynamo(map);
  if (out instanceof Promise) throw new Error("fromDynamo returned a promise");
  return out;
}

/** Writes then reads. */
export const roundTrip = (schema: AnySchema, input: Record<string, unknown>): Record<string, unknown> => read(schema, write(schema, input));

/** The error a synchronous call throws (fails the test when it does not throw). */
export function thrown(call: () => unknown): DynamodelError {
  try {
    call();
  } catch (error) {
    if (error instanceof DynamodelError) return error;
    throw error;
  }
  throw new Error("expected the call to throw");
}

/** The error a write throws, synchronously or as a rejection. */
export async function writeError(
  schema: AnySchema,
  input: Record<string, unknown>,
  options: WriteOptions = { isNew: true },
): Promise<DynamodelError> {
  try {
    await schema.plan.toDynamo(input, options);
  } catch (error) {
    if (error instanceof DynamodelError) return error;
    throw error;
  }
  throw new Error("expected the write to fail");
}

/** The error of a synchronous write (and checks that it was thrown, not returned as a rejection). */
export const writeErrorSync = (
  schema: AnySchema,
  input: Record<string, unknown>,
  options: WriteOptions = { isNew: true },
): DynamodelError => thrown(() => schema.plan.toDynamo(input, options));
