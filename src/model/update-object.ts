/**
 * Turns a Dynamoose-style update object (`{name: "x"}`, `$SET`, `$ADD`, `$REMOVE`, `$DELETE`) into validated
 * update actions. Beyond Dynamoose: dotted paths (`"address.city"`, `"list[2]"`) update that path only, names
 * holding `.`, `[` or `]` are addressed by quoted segments (`'["a.b"]'`, `'m["x[0]"]'`) or, when declared at the top
 * level of the schema, by their plain name; values may be update operations (`update.increment(1)`, see
 * `update-operations.ts`), and an update that would break the schema is refused before sending.
 *
 * @module
 * @internal
 */
import { type Issue, InvalidParameter, ValidationError } from "../errors.js";
import { isUpdateOperation, type Path, type UpdateAction, operand, parsePath, updateAction } from "../expression/index.js";
import { UNDEFINED } from "../schema/attribute-types.js";
import { type KeepRule, keptValue } from "../schema/save-unknown.js";
import { ownValue } from "../marshal/own-properties.js";
import { issuesError } from "../schema/issues.js";
import type { AttributeNode } from "../schema/nodes.js";
import type { Schema } from "../schema/schema.js";
import type { SerializeContext } from "../schema/serialize.js";
import { keepRuleAtPath, pathText, resolveAttribute } from "../bind/attribute-path.js";
import { serializerOf } from "../bind/schema-encoder.js";
import { addAction } from "./update-add.js";
import { type CombineType, combineAction, type UpdateWrites } from "./update-combine.js";
import { deleteAction } from "./update-delete.js";
import { defaultOf, setToValue, type UpdateEntry } from "./update-entry.js";
import { operationAction, refuseNestedOperations } from "./update-operations.js";
import { type NestedUpdateStamp, nestedUpdateStamps, stampNested } from "./update-timestamps.js";

const operators = new Set(["$SET", "$ADD", "$REMOVE", "$DELETE"]);

type Entry = UpdateEntry;

/** What an update key resolves to in one schema: its path (aliases replaced), dotted text and attribute node. */
interface ResolvedKey {
  readonly path: Path;
  readonly text: string;
  readonly node: AttributeNode | undefined;
}

const MAX_RESOLVED_KEYS = 2048;
/** Update keys already resolved, per schema (schemas are immutable, so a key always resolves the same way). */
const resolvedKeys = new WeakMap<Schema, Map<string, ResolvedKey>>();

/**
 * Resolves an update key to a path whose root is the stored name (aliases replaced), once per schema and key.
 * A key that is exactly a declared top-level name or alias is that attribute, even when it holds `[`, `]` or `.`
 * (`"x[0]"` declared in the schema is the attribute `x[0]`, not element 0 of `x`); any other key is parsed as a
 * path, where quoted segments address such names anywhere (`["a.b"]`, `m["x[0]"]`).
 */
function resolveKey(schema: Schema, key: string): ResolvedKey {
  let cache = resolvedKeys.get(schema);
  if (cache === undefined) resolvedKeys.set(schema, (cache = new Map()));
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const parsed: Path = schema.attribute(key) ? Object.freeze([Object.freeze({ kind: "name", name: key } as const)]) : parsePath(key);
  const first = parsed[0];
  const node0 = first?.kind === "name" ? schema.attribute(first.name) : undefined;
  // Frozen like parsed paths, so the action factories keep it as it is.
  const path: Path =
    node0 && first?.kind === "name" && first.name !== node0.name
      ? Object.freeze([Object.freeze({ kind: "name", name: node0.name } as const), ...parsed.slice(1)])
      : parsed;
  const resolved: ResolvedKey = { path, text: pathText(path), node: resolveAttribute(schema, path) };
  if (cache.size >= MAX_RESOLVED_KEYS) cache.clear();
  cache.set(key, resolved);
  return resolved;
}

/** One entry of an update object: its resolved key and the value given. */
function entry(schema: Schema, key: string, value: unknown): Entry {
  const { path, text, node } = resolveKey(schema, key);
  return { path, text, node, value };
}

/** Appends the entries of one operator's object (or `$REMOVE` array) to `into`. */
function collectEntries(schema: Schema, object: unknown, operator: string, into: Entry[]): Entry[] {
  if (object === undefined) return into;
  if (operator === "$REMOVE" && Array.isArray(object)) {
    for (const key of object as string[]) into.push(entry(schema, key, undefined));
    return into;
  }
  if (typeof object !== "object" || object === null) {
    throw new InvalidParameter(`${operator} must be an object of attribute paths to values.`, { code: "invalid_update", path: operator });
  }
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) into.push(entry(schema, key, record[key]));
  return into;
}

/** Refuses an update of the table's key attributes. */
function refuseKeyUpdates(list: readonly Entry[], hashKey: string, rangeKey: string | undefined): void {
  for (const item of list) {
    const root = item.path[0];
    if (root?.kind === "name" && (root.name === hashKey || root.name === rangeKey)) {
      throw new InvalidParameter(`The key attribute ${root.name} can not be updated; pass it in the key instead.`, {
        code: "update_key",
        path: root.name,
      });
    }
  }
}

/** What an update needs to know of a schema beyond its entries, computed once per schema. */
interface UpdatePlan {
  /** The names of the `updatedAt` timestamps. */
  readonly updatedAt: readonly string[];
  /** The `updatedAt` timestamps of nested Schema instances. */
  readonly nestedUpdatedAt: readonly NestedUpdateStamp[];
  /** Root attributes with a forced default or a combine type, in declaration order (the others need nothing). */
  readonly special: readonly { readonly node: AttributeNode; readonly combine: CombineType | undefined }[];
}

const updatePlans = new WeakMap<Schema, UpdatePlan>();

/** The update plan of a schema (computed once). */
function updatePlanOf(schema: Schema): UpdatePlan {
  let plan = updatePlans.get(schema);
  if (plan === undefined) {
    const special: { node: AttributeNode; combine: CombineType | undefined }[] = [];
    for (const node of schema.root.attributes) {
      const combine = node.types.find((type): type is CombineType => type.kind === "combine");
      if (node.forceDefault || combine) special.push({ node, combine });
    }
    plan = { updatedAt: schema.plan.timestamps.updatedAt.map((t) => t.name), nestedUpdatedAt: nestedUpdateStamps(schema), special };
    updatePlans.set(schema, plan);
  }
  return plan;
}

/**
 * Builds the actions of an update object. As in Dynamoose: an attribute with `forceDefault` is set to its default
 * whatever the update does with it (`$SET`, `$ADD`, `$DELETE`) and when the update leaves it out; `undefined`, `$REMOVE`
 * and `$DELETE` set an attribute with a default to its default, while `dynamodel.type.UNDEFINED` removes it; the
 * `updatedAt` of a nested Schema is written with the top-level one (see `update-timestamps.ts`).
 */
export async function buildUpdateActions(schema: Schema, update: Record<string, unknown>): Promise<UpdateAction[]> {
  const sets: Entry[] = [];
  for (const key of Object.keys(update)) {
    // "__proto__" never reached the plain entries (assigning it to an object sets the prototype instead).
    if (!operators.has(key) && key !== "__proto__") sets.push(entry(schema, key, update[key]));
  }
  // Own properties only: an operator inherited from a polluted Object.prototype is not part of this update.
  collectEntries(schema, ownValue(update, "$SET"), "$SET", sets);
  const adds = collectEntries(schema, ownValue(update, "$ADD"), "$ADD", []);
  const removes = collectEntries(schema, ownValue(update, "$REMOVE"), "$REMOVE", []);
  const deletes = collectEntries(schema, ownValue(update, "$DELETE"), "$DELETE", []);
  for (const item of adds) refuseNestedOperations(item.value, item.text, "$ADD");
  for (const item of removes) refuseNestedOperations(item.value, item.text, "$REMOVE");
  for (const item of deletes) refuseNestedOperations(item.value, item.text, "$DELETE");

  const { hashKey, rangeKey } = schema;
  refuseKeyUpdates(sets, hashKey, rangeKey);
  refuseKeyUpdates(adds, hashKey, rangeKey);
  refuseKeyUpdates(removes, hashKey, rangeKey);
  refuseKeyUpdates(deletes, hashKey, rangeKey);

  const issues: Issue[] = [];
  const context: SerializeContext = { issues, pending: undefined, checkRequired: true };
  const actions: UpdateAction[] = [];
  const updatePlan = updatePlanOf(schema);
  // Every path the update writes (a forced default fills in the root attributes it leaves out).
  const touched = new Set<string>();
  const defaults = new Map<string, unknown>();
  // An unknown path is kept when `saveUnknown` keeps it, matched segment by segment along the parsed path.
  const keep = (item: Entry): KeepRule | undefined => keepRuleAtPath(schema, item.path);
  const push = (action: UpdateAction | undefined): void => {
    if (action) actions.push(action);
  };
  /** Sets the default instead of what the entry asked for (`$REMOVE`, `$DELETE` and `undefined` on a default, as in Dynamoose). */
  const toDefault = async (item: Entry, node: AttributeNode): Promise<void> => {
    const value = await defaultOf(node);
    defaults.set(item.text, value);
    push(setToValue(schema, item, node, value, context));
  };
  /** Sets a forced default instead of what the entry asked for; false when the entry's attribute forces none. */
  const forced = async (item: Entry): Promise<boolean> => {
    if (!item.node?.forceDefault) return false;
    await toDefault(item, item.node);
    return true;
  };

  const now = new Date();
  for (const name of updatePlan.updatedAt) {
    actions.push(updateAction.setTo(name, operand.attributeValue(encodeKnown(schema, name, now, context))));
    touched.add(name);
  }
  // `undefined` and dynamodel.type.UNDEFINED given to $ADD or $DELETE remove the attribute, as in $SET (Dynamoose).
  for (const list of [adds, deletes]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i] as Entry;
      if (item.value !== undefined && item.value !== UNDEFINED) continue;
      list.splice(i, 1);
      if (item.node) removes.push(item);
    }
  }
  if (updatePlan.nestedUpdatedAt.length > 0) {
    for (const action of stampNested(schema, updatePlan.nestedUpdatedAt, { sets, others: [adds, removes, deletes] }, now, context)) {
      actions.push(action);
    }
  }

  for (const set of sets) {
    touched.add(set.text);
    if (set.value === undefined || set.value === UNDEFINED) {
      if (set.node) removes.push(set);
      continue;
    }
    if (isUpdateOperation(set.value)) {
      if ((set.node || keep(set)) && !(await forced(set))) push(await operationAction(schema, set, set.value, issues));
      continue;
    }
    refuseNestedOperations(set.value, set.text);
    if (set.node) {
      if (await forced(set)) continue;
      const value = set.node.set && set.value !== null ? await set.node.set(set.value) : set.value;
      push(setToValue(schema, set, set.node, value, context));
    } else {
      const rule = keep(set);
      const encoded = rule === undefined ? undefined : keptValue(set.value, rule, set.text);
      if (encoded) actions.push(updateAction.setTo(set.path, operand.attributeValue(encoded)));
    }
  }

  for (const add of adds) {
    touched.add(add.text);
    if ((add.node || keep(add)) && !(await forced(add))) push(addAction(schema, add, issues));
  }

  for (const remove of removes) {
    touched.add(remove.text);
    const node = remove.node;
    if (node?.required) {
      throw new ValidationError(`${remove.text} is a required property and can not be removed.`, { code: "required", path: remove.text });
    }
    // dynamodel.type.UNDEFINED removes even an attribute with a default (Dynamoose skips the default for it).
    if (node?.hasDefault && remove.value !== UNDEFINED) {
      await toDefault(remove, node);
      continue;
    }
    if (node || keep(remove)) actions.push(updateAction.remove(remove.path));
  }

  for (const del of deletes) {
    touched.add(del.text);
    // $DELETE on an attribute with a default sets the default, forced or not (Dynamoose's `defaults` for $DELETE).
    if (del.node?.hasDefault) await toDefault(del, del.node);
    else if (del.node || keep(del)) push(deleteAction(schema, del, issues));
  }

  const writes: UpdateWrites = { sets, removes, defaults };
  for (const { node, combine } of updatePlan.special) {
    if (node.forceDefault && !touched.has(node.name))
      await toDefault({ path: [{ kind: "name", name: node.name }], text: node.name, node, value: undefined }, node);
    if (combine) push(combineAction(node, combine, writes));
  }

  if (context.pending) await Promise.all(context.pending);
  if (issues.length > 0) throw issuesError(issues);
  return actions;
}

function encodeKnown(schema: Schema, name: string, value: unknown, context: SerializeContext) {
  const node = schema.attribute(name) as AttributeNode;
  return serializerOf(schema, node, [{ kind: "name", name }])(value, name, context) ?? { NULL: true };
}
