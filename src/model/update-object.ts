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
import { type Issue, InvalidParameter, TypeMismatch, ValidationError } from "../errors.js";
import { isUpdateOperation, type Path, type UpdateAction, operand, parsePath, updateAction } from "../expression/index.js";
import { UNDEFINED } from "../schema/attribute-types.js";
import { toGenericAttributeValue } from "../schema/generic-value.js";
import { issuesError } from "../schema/issues.js";
import type { AttributeNode } from "../schema/nodes.js";
import type { Schema } from "../schema/schema.js";
import type { SerializeContext } from "../schema/serialize.js";
import { pathText, resolveAttribute } from "./attribute-path.js";
import { serializerOf } from "./schema-encoder.js";
import { operationAction, refuseNestedOperations } from "./update-operations.js";

const operators = new Set(["$SET", "$ADD", "$REMOVE", "$DELETE"]);

interface Entry {
  readonly path: Path;
  readonly text: string;
  readonly node: AttributeNode | undefined;
  readonly value: unknown;
}

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
    node0 && first?.kind === "name" && first.name !== node0.name ? Object.freeze([Object.freeze({ kind: "name", name: node0.name } as const), ...parsed.slice(1)]) : parsed;
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
      throw new InvalidParameter(`The key attribute ${root.name} can not be updated; pass it in the key instead.`, { code: "update_key", path: root.name });
    }
  }
}

/** What an update needs to know of a schema beyond its entries, computed once per schema. */
interface UpdatePlan {
  /** The names of the `updatedAt` timestamps. */
  readonly updatedAt: readonly string[];
  /** Root attributes with a forced default or a combine type, in declaration order (the others need nothing). */
  readonly special: readonly { readonly node: AttributeNode; readonly combine: CombineType | undefined }[];
  /** True when some root attribute has a forced default (only then are touched paths tracked). */
  readonly forcesDefaults: boolean;
}

type CombineType = Extract<AttributeNode["types"][number], { kind: "combine" }>;

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
    plan = {
      updatedAt: schema.plan.timestamps.updatedAt.map((t) => t.name),
      special,
      forcesDefaults: special.some((s) => s.node.forceDefault),
    };
    updatePlans.set(schema, plan);
  }
  return plan;
}

const kindsOf = new WeakMap<AttributeNode, ReadonlySet<string>>();
const noKinds: ReadonlySet<string> = new Set();
/** The type kinds of an attribute (computed once per node). */
const kinds = (node: AttributeNode | undefined): ReadonlySet<string> => {
  if (!node) return noKinds;
  let found = kindsOf.get(node);
  if (!found) kindsOf.set(node, (found = new Set(node.types.map((type) => type.kind))));
  return found;
};

/** Builds the actions of an update object. */
export async function buildUpdateActions(schema: Schema, update: Record<string, unknown>): Promise<UpdateAction[]> {
  const sets: Entry[] = [];
  for (const key of Object.keys(update)) {
    // "__proto__" never reached the plain entries (assigning it to an object sets the prototype instead).
    if (!operators.has(key) && key !== "__proto__") sets.push(entry(schema, key, update[key]));
  }
  collectEntries(schema, update.$SET, "$SET", sets);
  const adds = collectEntries(schema, update.$ADD, "$ADD", []);
  const removes = collectEntries(schema, update.$REMOVE, "$REMOVE", []);
  const deletes = collectEntries(schema, update.$DELETE, "$DELETE", []);
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
  // Only a forced default asks which paths the update touched.
  const touched = updatePlan.forcesDefaults ? new Set<string>() : undefined;
  const keep = schema.plan.keep;

  for (const name of updatePlan.updatedAt) {
    actions.push(updateAction.setTo(name, operand.attributeValue(encodeKnown(schema, name, new Date(), context))));
    touched?.add(name);
  }

  for (const set of sets) {
    touched?.add(set.text);
    if (isUpdateOperation(set.value)) {
      const action = set.node || keep(set.text) ? await operationAction(schema, set, set.value, issues) : undefined;
      if (action) actions.push(action);
      continue;
    }
    refuseNestedOperations(set.value, set.text);
    if (set.value === undefined || set.value === UNDEFINED) {
      if (set.node) removes.push(set);
      continue;
    }
    if (!set.node && !keep(set.text)) continue;
    if (set.node) {
      const value = set.node.set && set.value !== null ? await set.node.set(set.value) : set.value;
      const encoded = serializerOf(schema, set.node)(value, set.text, context);
      if (encoded) actions.push(updateAction.setTo(set.path, operand.attributeValue(encoded)));
    } else {
      const encoded = toGenericAttributeValue(set.value, set.text);
      if (encoded) actions.push(updateAction.setTo(set.path, operand.attributeValue(encoded)));
    }
  }

  for (const add of adds) {
    const types = kinds(add.node);
    if (!add.node) {
      if (keep(add.text)) actions.push(updateAction.add(add.path, add.value));
      continue;
    }
    if (types.has("array")) {
      const list = Array.isArray(add.value) ? add.value : [add.value];
      const encoded = serializerOf(schema, add.node)(list, add.text, context);
      if (encoded) {
        actions.push(
          updateAction.setTo(
            add.path,
            updateAction.listAppend({ kind: "if_not_exists", path: add.path, value: operand.attributeValue({ L: [] }) }, operand.attributeValue(encoded)),
          ),
        );
      }
    } else if (types.has("number") || types.has("set") || types.has("bigint")) {
      if (types.has("set") && !(add.value instanceof Set) && !Array.isArray(add.value)) {
        throw new TypeMismatch(`$ADD to the set ${add.text} needs an array or a Set, not a single value.`, {
          code: "type_mismatch",
          path: add.text,
          expected: "array or Set",
          received: typeof add.value,
        });
      }
      const encoded = serializerOf(schema, add.node)(add.value, add.text, { issues, pending: undefined, checkRequired: false });
      if (encoded) actions.push({ kind: "add", path: add.path, value: operand.attributeValue(encoded) });
    } else {
      throw new TypeMismatch(`$ADD can not be used on ${add.text}: it is a ${[...types].join(" or ")}, not a number, set or list.`, {
        code: "type_mismatch",
        path: add.text,
        expected: "number, set or list",
        received: [...types].join(", "),
      });
    }
  }

  for (const remove of removes) {
    touched?.add(remove.text);
    const node = remove.node;
    if (node?.required) {
      throw new ValidationError(`${remove.text} is a required property and can not be removed.`, { code: "required", path: remove.text });
    }
    if (node?.hasDefault) {
      const value = typeof node.default === "function" ? await (node.default as () => unknown)() : node.default;
      const encoded = serializerOf(schema, node)(value, remove.text, context);
      if (encoded) actions.push(updateAction.setTo(remove.path, operand.attributeValue(encoded)));
      continue;
    }
    if (node || keep(remove.text)) actions.push(updateAction.remove(remove.path));
  }

  for (const del of deletes) {
    if (!del.node) {
      if (keep(del.text)) actions.push(updateAction.delete(del.path, del.value));
      continue;
    }
    if (!kinds(del.node).has("set")) {
      throw new TypeMismatch(`$DELETE can only remove elements from a set; ${del.text} is not a set.`, { code: "type_mismatch", path: del.text, expected: "set" });
    }
    const encoded = serializerOf(schema, del.node)(del.value, del.text, { issues, pending: undefined, checkRequired: false });
    if (encoded) actions.push({ kind: "delete", path: del.path, value: operand.attributeValue(encoded) });
  }

  for (const { node, combine } of updatePlan.special) {
    if (node.forceDefault && !touched?.has(node.name)) {
      const value = typeof node.default === "function" ? await (node.default as () => unknown)() : node.default;
      const encoded = serializerOf(schema, node)(value, node.name, context);
      if (encoded) actions.push(updateAction.setTo(node.name, operand.attributeValue(encoded)));
    }
    if (combine) {
      const present = combine.attributes.filter((name) => sets.some((s) => s.text === name));
      if (present.length > 0 && present.length < combine.attributes.length) {
        const missing = combine.attributes.filter((name) => !present.includes(name));
        throw new InvalidParameter(
          `You must update all or none of the combine attributes when running Model.update. Missing combine attributes: ${missing.join(", ")}.`,
          { code: "combine_update", path: node.name },
        );
      }
      const operation = sets.find((s) => present.includes(s.text) && isUpdateOperation(s.value));
      if (operation) {
        throw new InvalidParameter(`${operation.text} is part of the combine attribute ${node.name}; set it to a value, not an update operation.`, {
          code: "misplaced_update_operation",
          path: operation.text,
        });
      }
      if (present.length > 0) {
        const parts = combine.attributes.map((name) => sets.find((s) => s.text === name)?.value).filter((v) => v !== undefined && v !== null);
        actions.push(updateAction.setTo(node.name, operand.attributeValue({ S: parts.map(String).join(combine.separator) })));
      }
    }
  }

  if (issues.length > 0) throw issuesError(issues);
  return actions;
}

function encodeKnown(schema: Schema, name: string, value: unknown, context: SerializeContext) {
  const node = schema.attribute(name) as AttributeNode;
  return serializerOf(schema, node)(value, name, context) ?? { NULL: true };
}
