/**
 * Turns a Dynamoose-style update object (`{name: "x"}`, `$SET`, `$ADD`, `$REMOVE`, `$DELETE`) into validated
 * update actions. Beyond Dynamoose: dotted paths (`"address.city"`, `"list[2]"`) update that path only, values
 * may be update operations (`update.increment(1)`, see `update-operations.ts`), and an update that would break the
 * schema is refused before sending.
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

/** Resolves an update key to a path whose root is the stored name (aliases replaced). */
function entry(schema: Schema, key: string, value: unknown): Entry {
  const parsed = parsePath(key);
  const first = parsed[0];
  const node0 = first?.kind === "name" ? schema.attribute(first.name) : undefined;
  const path: Path = node0 && first?.kind === "name" && first.name !== node0.name ? [{ kind: "name", name: node0.name }, ...parsed.slice(1)] : parsed;
  return { path, text: pathText(path), node: resolveAttribute(schema, path), value };
}

function entries(schema: Schema, object: unknown, operator: string): Entry[] {
  if (object === undefined) return [];
  if (operator === "$REMOVE" && Array.isArray(object)) return object.map((key: string) => entry(schema, key, undefined));
  if (typeof object !== "object" || object === null) {
    throw new InvalidParameter(`${operator} must be an object of attribute paths to values.`, { code: "invalid_update", path: operator });
  }
  return Object.keys(object).map((key) => entry(schema, key, (object as Record<string, unknown>)[key]));
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
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(update)) if (!operators.has(key)) plain[key] = update[key];
  const sets = [...entries(schema, plain, "$SET"), ...entries(schema, update.$SET, "$SET")];
  const adds = entries(schema, update.$ADD, "$ADD");
  const removes = entries(schema, update.$REMOVE, "$REMOVE");
  const deletes = entries(schema, update.$DELETE, "$DELETE");
  for (const [list, where] of [[adds, "$ADD"], [removes, "$REMOVE"], [deletes, "$DELETE"]] as const) {
    for (const item of list) refuseNestedOperations(item.value, item.text, where);
  }

  const { hashKey, rangeKey } = schema;
  for (const list of [sets, adds, removes, deletes]) {
    for (const item of list) {
      const root = item.path[0];
      if (root?.kind === "name" && (root.name === hashKey || root.name === rangeKey)) {
        throw new InvalidParameter(`The key attribute ${root.name} can not be updated; pass it in the key instead.`, { code: "update_key", path: root.name });
      }
    }
  }

  const issues: Issue[] = [];
  const context: SerializeContext = { issues, pending: undefined, checkRequired: true };
  const actions: UpdateAction[] = [];
  const touched = new Set<string>();
  const keep = schema.plan.keep;

  for (const name of schema.plan.timestamps.updatedAt.map((t) => t.name)) {
    actions.push(updateAction.setTo(name, operand.attributeValue(encodeKnown(schema, name, new Date(), context))));
    touched.add(name);
  }

  for (const set of sets) {
    touched.add(set.text);
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
    touched.add(remove.text);
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

  for (const node of schema.root.attributes) {
    if (node.forceDefault && !touched.has(node.name)) {
      const value = typeof node.default === "function" ? await (node.default as () => unknown)() : node.default;
      const encoded = serializerOf(schema, node)(value, node.name, context);
      if (encoded) actions.push(updateAction.setTo(node.name, operand.attributeValue(encoded)));
    }
    const combine = node.types.find((type) => type.kind === "combine");
    if (combine?.kind === "combine") {
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
