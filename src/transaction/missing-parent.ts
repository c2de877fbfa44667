/**
 * A nested update path below a map the item does not have, inside a transaction. `Model.update` creates the missing
 * map with a conditioned retry (`store/update-missing-parents.ts`); a transaction is one request that DynamoDB refuses
 * whole ("the document path provided in the update expression is invalid for update"), so nothing is written and
 * nothing is retried: the refusal is rethrown as `InvalidParameter` naming the nested paths of the transaction's
 * updates, with DynamoDB's error as `cause`. (Dynamoose writes a dotted key as a top-level attribute named
 * `"address.city"`, so the nested attribute is never set.)
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../errors.js";
import { isMissingParentError } from "../aws/missing-parent-error.js";

/** What this module reads of an Update action. */
interface UpdateBody {
  readonly UpdateExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
}

/** A nested path of an update expression: `#a.#b`, `#a[0]`, `#a.#b[2].#c`. */
const NESTED = /#[A-Za-z0-9_]+(?:\.#[A-Za-z0-9_]+|\[\d+\])+/g;

/** The nested paths an update writes, dotted, with their placeholders replaced by the names. */
function nestedPaths(body: UpdateBody): string[] {
  const names = body.ExpressionAttributeNames ?? {};
  const found = (body.UpdateExpression ?? "").match(NESTED) ?? [];
  return found.map((path) => path.replace(/#[A-Za-z0-9_]+/g, (token) => names[token] ?? token).replace(/\[(\d+)\]/g, ".$1"));
}

/** `InvalidParameter` (code `missing_parent`) for DynamoDB's refusal of a nested path in a transaction; else undefined. */
export function missingParentError(
  error: unknown,
  updates: readonly { readonly index: number; readonly body: UpdateBody }[],
): Error | undefined {
  if (!isMissingParentError(error)) return undefined;
  const paths = updates.flatMap(({ index, body }) => nestedPaths(body).map((path) => ({ path, index })));
  const first = paths[0];
  if (first === undefined) return undefined;
  const named = new Set(paths.map(({ path, index }) => `${path} (action ${index})`));
  return new InvalidParameter(
    `DynamoDB refused the transaction, nothing was written: a nested update path is below a map the item does not have (one of ${[...named].join(", ")}). A transaction can not create the map and retry as Model.update does: set the whole map in the transaction, or update it with Model.update.`,
    { code: "missing_parent", path: first.path, cause: error },
  );
}
