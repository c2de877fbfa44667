/**
 * What one serialization carries (the issues found, the async validations pending) and the issues it reports:
 * the types shared by the serializer's parts.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { Issue } from "../errors.js";
import { describeReceived } from "../marshal/numbers.js";
import type { TypeNode } from "./nodes.js";

/** Collects problems and pending async validations during one serialization. */
export interface SerializeContext {
  readonly issues: Issue[];
  pending: Promise<void>[] | undefined;
  /** Whether `required` is enforced (off for partial values such as update paths' parents). */
  readonly checkRequired: boolean;
  /** Nesting level of the map being serialized (the item is 1; absent means 1): DynamoDB allows 32. */
  level?: number;
}

/** Converts one present value; returns `undefined` when the attribute is to be left out (an empty set). */
export type ValueSerializer = (value: unknown, path: string, context: SerializeContext) => AttributeValue | undefined;

/** Converts a whole object (the item, or a nested Object). */
export type ShapeSerializer = (value: Record<string, unknown>, path: string, context: SerializeContext) => Record<string, AttributeValue>;

/** What a converter returns for a value not of its type (the caller reports it, or tries the next type). */
export const MISMATCH: unique symbol = Symbol("mismatch");
/** Converts a value of one type; {@link MISMATCH} when the value is not of that type. */
export type Converter = (value: unknown, path: string, context: SerializeContext) => AttributeValue | undefined | typeof MISMATCH;

/** Adds a type-mismatch issue. */
export function typeIssue(context: SerializeContext, path: string, expected: string, value: unknown): undefined {
  const received = describeReceived(value);
  context.issues.push({
    code: "type_mismatch",
    path,
    expected,
    received,
    message: `Expected ${path} to be of type ${expected}, instead found type ${received}.`,
  });
  return undefined;
}

/** Adds a `required` issue. */
export function requiredIssue(context: SerializeContext, path: string): undefined {
  context.issues.push({
    code: "required",
    path,
    expected: "a value",
    received: "undefined",
    message: `${path} is a required property but has no value when trying to save the item.`,
  });
  return undefined;
}

/** The name of a type node in messages. */
export function typeName(type: TypeNode): string {
  switch (type.kind) {
    case "constant":
      return `constant ${typeof type.value} (${String(type.value)})`;
    case "set":
      return `${type.element} set`;
    case "model":
      return `model ${safeModelName(type.model.resolve)}`;
    case "undefined":
      return "undefined";
    default:
      return type.kind;
  }
}

function safeModelName(resolve: () => { name: string }): string {
  try {
    return resolve().name;
  } catch {
    return "reference";
  }
}
