/**
 * DynamoDB's key value rules applied to a query's key condition before it is sent: the partition key value is not
 * empty and at most 2,048 bytes, a sort key value at most 1,024 bytes (see `schema/key-limits.ts`).
 *
 * @module
 * @internal
 */
import type { QueryCommandInput } from "@aws-sdk/client-dynamodb";
import { checkKeyValue } from "../schema/key-limits.js";
import type { KeySpec } from "./index-selection.js";

const VALUE_TOKEN = /:v\d+/g;
const MAX_CACHED = 256;
/** The value placeholders of the key conditions seen lately: templates give the same few expression strings again. */
const tokensByExpression = new Map<string, readonly string[]>();

function valueTokens(expression: string): readonly string[] {
  let tokens = tokensByExpression.get(expression);
  if (tokens === undefined) {
    if (tokensByExpression.size >= MAX_CACHED) tokensByExpression.clear();
    tokens = expression.match(VALUE_TOKEN) ?? [];
    tokensByExpression.set(expression, tokens);
  }
  return tokens;
}

/**
 * Checks the values of a built query's `KeyConditionExpression`: its first value is the partition key's (the
 * compiler puts the hash equality first), the others the sort key's: an empty sort key value (also in `begins_with`,
 * which DynamoDB refuses too) or one over 1,024 bytes is refused; the message names the index queried, if any.
 *
 * @example
 * ```ts
 * checkKeyCondition({ TableName: "T", KeyConditionExpression: "#n0 = :v0", ExpressionAttributeValues: { ":v0": { S: "" } } }, key);
 * // throws ValidationError: the partition key is empty
 * ```
 */
export function checkKeyCondition(request: QueryCommandInput, key: KeySpec): void {
  const expression = request.KeyConditionExpression;
  const values = request.ExpressionAttributeValues;
  if (expression === undefined || values === undefined) return;
  let first = true;
  for (const token of valueTokens(expression)) {
    const value = values[token];
    if (first) checkKeyValue(value, key.hashKey, "partition", key.name);
    else checkKeyValue(value, key.rangeKey ?? key.hashKey, "sort", key.name);
    first = false;
  }
}
