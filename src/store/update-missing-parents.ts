/**
 * Nested updates whose parent map is missing (`update(key, { "address.city": "Paris" })` on an item without
 * `address`): DynamoDB refuses `SET address.city = :v` ("the document path provided in the update expression is
 * invalid for update"), where Dynamoose, which writes whole maps, succeeds.
 *
 * The update is first sent as it is (plain nested actions: no extra cost when the parents exist). Only when DynamoDB
 * refuses it for that reason, the item is read (strongly consistent) and the update is rewritten
 * for what was read: the actions under each missing map `M` are folded into one `SET M = :map` (the value they would
 * give an absent path: `if_not_exists(M.x, v)` is `v`, `+ n` on an absent number is `n`, `$ADD` of a set is the set,
 * `REMOVE` and `DELETE` do nothing), and the request is conditioned on `attribute_not_exists(M)` for each such `M`
 * (ANDed with the caller's condition). Actions under parents that exist stay nested.
 *
 * Why this is atomic: the whole update is still applied by exactly one UpdateItem, whose condition guarantees that
 * every map it creates was absent when it was written, so it never replaces a map another writer created meanwhile;
 * a nested write below a map another writer removed meanwhile is refused again by DynamoDB, and nothing is written.
 * After such a refusal the item is read again, after a failed condition the stored item the failure returned
 * (`ReturnValuesOnConditionCheckFailure`) is used, and the update is rewritten for it (a bounded number of rounds);
 * when that item still lacks every map the request created, the caller's own condition is what failed and its error
 * is thrown. Two writers setting different children of a missing map: both read "missing", one creates the map with
 * its child, the other's condition fails and returns the item holding the new map, so it sends its plain nested
 * `SET`, which keeps the first child. The test "keeps every writer's child" runs five such writers at once.
 *
 * An action the rewrite can not evaluate for an absent path (a path operand, a list index below the missing map, an
 * existing parent that is not a map) leaves the update as DynamoDB refused it: the original error is thrown.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { isMissingParentError } from "../aws/missing-parent-error.js";
import {
  type ConditionNode,
  cond,
  operand,
  type Path,
  type UpdateAction,
  type UpdateOperand,
  type ValueEncoder,
  updateAction,
} from "../expression/index.js";

/** A nested update rewritten for the parents read: its actions and the maps it creates (which must still be absent). */
export interface ParentRewrite {
  readonly actions: UpdateAction[];
  readonly created: readonly Path[];
  /** `attribute_not_exists` of each created map. */
  readonly condition: ConditionNode | undefined;
}

export { isMissingParentError };

/** Whether some action writes below the top level (only those can meet a missing parent). */
export function hasNestedPath(actions: readonly UpdateAction[]): boolean {
  return actions.some((action) => action.path.length > 1);
}

/** The top-level names of the nested actions (what the rewrite needs to read). */
export function parentRoots(actions: readonly UpdateAction[]): string[] {
  const roots = new Set<string>();
  for (const action of actions) {
    const first = action.path[0];
    if (action.path.length > 1 && first?.kind === "name") roots.add(first.name);
  }
  return [...roots];
}

const GIVE_UP = Symbol("give up");
const NOTHING = Symbol("nothing");

/** The stored value at `path` in `item`, or undefined when absent; GIVE_UP when a parent is not a map or list. */
function valueAt(item: Record<string, AttributeValue>, path: Path, length: number): AttributeValue | undefined | typeof GIVE_UP {
  let current: AttributeValue | undefined;
  for (let i = 0; i < length; i++) {
    const segment = path[i];
    if (segment === undefined) return undefined;
    if (i === 0) {
      current = segment.kind === "name" && Object.hasOwn(item, segment.name) ? item[segment.name] : undefined;
    } else if (current === undefined) {
      return undefined;
    } else if (segment.kind === "name") {
      if (current.M === undefined) return GIVE_UP;
      current = Object.hasOwn(current.M, segment.name) ? current.M[segment.name] : undefined;
    } else {
      if (current.L === undefined) return GIVE_UP;
      current = current.L[segment.index];
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** The length of the shortest missing proper prefix of `path` (its missing ancestor), 0 when every parent exists. */
function missingAncestor(item: Record<string, AttributeValue>, path: Path): number | typeof GIVE_UP {
  for (let length = 1; length < path.length; length++) {
    const found = valueAt(item, path, length);
    if (found === GIVE_UP) return GIVE_UP;
    if (found === undefined) return length;
  }
  return 0;
}

const isPrefix = (prefix: Path, path: Path): boolean =>
  prefix.length <= path.length &&
  prefix.every((segment, i) => {
    const other = path[i];
    return (
      other !== undefined &&
      other.kind === segment.kind &&
      (segment.kind === "name"
        ? other.kind === "name" && other.name === segment.name
        : other.kind === "index" && other.index === segment.index)
    );
  });

const negate = (n: string): string => (n.startsWith("-") ? n.slice(1) : `-${n}`);
const isZero = (value: AttributeValue): boolean => value.N !== undefined && Number(value.N) === 0;

/** What an operand evaluates to when everything below `missing` is absent; GIVE_UP when that can not be known here. */
function evaluate(value: UpdateOperand, target: Path, missing: Path, encode: ValueEncoder): AttributeValue | typeof GIVE_UP {
  switch (value.kind) {
    case "attribute_value":
      return value.value;
    case "value":
      return encode(target, value.value);
    case "if_not_exists":
      return isPrefix(missing, value.path) ? evaluate(value.value, target, missing, encode) : GIVE_UP;
    case "plus":
    case "minus": {
      const left = evaluate(value.left, target, missing, encode);
      const right = evaluate(value.right, target, missing, encode);
      if (left === GIVE_UP || right === GIVE_UP) return GIVE_UP;
      if (right.N !== undefined && isZero(right)) return left;
      if (left.N !== undefined && right.N !== undefined && isZero(left)) return value.kind === "plus" ? right : { N: negate(right.N) };
      return GIVE_UP;
    }
    case "list_append": {
      const left = evaluate(value.left, target, missing, encode);
      const right = evaluate(value.right, target, missing, encode);
      if (left === GIVE_UP || right === GIVE_UP || left.L === undefined || right.L === undefined) return GIVE_UP;
      return { L: [...left.L, ...right.L] };
    }
    default:
      return GIVE_UP;
  }
}

/** What an action writes to its path when everything below `missing` is absent. */
function written(action: UpdateAction, missing: Path, encode: ValueEncoder): AttributeValue | typeof NOTHING | typeof GIVE_UP {
  switch (action.kind) {
    case "set":
      return evaluate(action.value, action.path, missing, encode);
    case "add":
      return evaluate(action.value, action.path, missing, encode);
    case "remove":
    case "delete":
      return NOTHING;
  }
}

/** Puts `value` at `relative` (names only) inside `map`; false when a list index is in the way. */
function place(map: Record<string, AttributeValue>, relative: Path, value: AttributeValue): boolean {
  let current = map;
  for (let i = 0; i < relative.length; i++) {
    const segment = relative[i];
    if (segment?.kind !== "name") return false;
    if (i === relative.length - 1) {
      Object.defineProperty(current, segment.name, { value, enumerable: true, writable: true, configurable: true });
      return true;
    }
    const next = Object.hasOwn(current, segment.name) ? current[segment.name] : undefined;
    if (next?.M === undefined) {
      const child: Record<string, AttributeValue> = {};
      Object.defineProperty(current, segment.name, { value: { M: child }, enumerable: true, writable: true, configurable: true });
      current = child;
    } else {
      current = next.M;
    }
  }
  return true;
}

/**
 * Rewrites an update for the item's parents as read (`item`: its top-level attributes of {@link parentRoots});
 * undefined when an action can not be rewritten (the update then fails as DynamoDB refused it).
 */
export function rewriteForMissingParents(
  actions: readonly UpdateAction[],
  item: Record<string, AttributeValue>,
  encode: ValueEncoder,
): ParentRewrite | undefined {
  const kept: UpdateAction[] = [];
  const groups = new Map<string, { path: Path; map: Record<string, AttributeValue> }>();
  for (const action of actions) {
    const length = action.path.length > 1 ? missingAncestor(item, action.path) : 0;
    if (length === GIVE_UP) return undefined;
    if (length === 0) {
      kept.push(action);
      continue;
    }
    const missing = action.path.slice(0, length);
    const last = missing[missing.length - 1];
    if (last?.kind !== "name") return undefined;
    const key = JSON.stringify(missing);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { path: missing, map: {} }));
    const value = written(action, missing, encode);
    if (value === GIVE_UP) return undefined;
    if (value !== NOTHING && !place(group.map, action.path.slice(length), value)) return undefined;
  }
  const created: Path[] = [];
  for (const { path, map } of groups.values()) {
    created.push(path);
    // A map only removed from or deleted from stays absent: nothing to write, only the condition that it is absent.
    if (Object.keys(map).length > 0) kept.push(updateAction.setTo(path, operand.attributeValue({ M: map })));
  }
  const conditions = created.map((path) => cond.attributeNotExists(path));
  return {
    actions: kept,
    created,
    condition: conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : cond.and(...conditions),
  };
}

/** How {@link retryCreatingParents} reads the item and sends a rewritten update. */
export interface ParentRetry<R> {
  /** The update's actions, as first sent. */
  readonly actions: readonly UpdateAction[];
  readonly encode: ValueEncoder;
  /** Reads the stored item, strongly consistent (`{}` when there is none). */
  readonly read: () => Promise<Record<string, AttributeValue>>;
  /**
   * Sends the update with these actions and this condition ANDed with the caller's, asking for the stored item on a
   * failed condition (`ReturnValuesOnConditionCheckFailure: "ALL_OLD"`).
   */
  readonly send: (actions: UpdateAction[], condition: ConditionNode | undefined) => Promise<R>;
}

/** Rounds of read and rewrite before giving up (each needs another writer to change the parents in between). */
const MAX_ROUNDS = 5;

/** The stored item a failed condition returned (`{}` when there is no item); undefined for any other error. */
function itemOfConditionFailure(error: unknown): Record<string, AttributeValue> | undefined {
  if ((error as { name?: unknown } | null)?.name !== "ConditionalCheckFailedException") return undefined;
  const { Item, cause } = error as { Item?: Record<string, AttributeValue>; cause?: { Item?: Record<string, AttributeValue> } };
  return Item ?? cause?.Item ?? {};
}

/** Sends an update that DynamoDB refused for a missing parent, rewritten to create the missing maps (see the module). */
export async function retryCreatingParents<R>(retry: ParentRetry<R>, refused: unknown): Promise<R> {
  let item = await retry.read();
  let failure = refused;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rewrite = rewriteForMissingParents(retry.actions, item, retry.encode);
    if (!rewrite || rewrite.actions.length === 0) throw failure;
    try {
      return await retry.send(rewrite.actions, rewrite.condition);
    } catch (error) {
      failure = error;
      if (isMissingParentError(error)) {
        // A parent that was read as present has been removed since: read again.
        item = await retry.read();
        continue;
      }
      const stored = itemOfConditionFailure(error);
      // Every map it created was still absent: the caller's own condition failed.
      if (stored === undefined || rewrite.created.every((path) => valueAt(stored, path, path.length) === undefined)) throw error;
      item = stored;
    }
  }
  throw failure;
}
