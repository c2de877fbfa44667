/**
 * `item.populate()`, `result.populate()` and the table option `populate`: replaces reference attributes (models as
 * attribute types, and sets or arrays of them) by the items they refer to, level after level, as Dynamoose does
 * (without settings, the referenced items' own references too). Each level fetches its references with one
 * batchGet per referenced model (Dynamoose: one GetItem per reference). A reference whose item no longer exists
 * keeps its key (Dynamoose crashes there, issue #1645), and a reference back to an item on its own path stays a key
 * (Dynamoose loops forever).
 *
 * @module
 * @internal
 */
import { type Item, type PopulateSettings, modelOf } from "../item/item.js";
import type { AttributeNode, ModelRef, ReferencedModel } from "../schema/nodes.js";
import { unknownMatcher } from "../dotted-match.js";

/** An item to populate, where it sits (dotted path from the item populated first) and the keys on that path. */
interface Target {
  readonly item: Item;
  readonly path: string;
  readonly ancestors: ReadonlySet<string>;
}

/** One reference attribute of one item, waiting for its items. */
interface Slot {
  readonly target: Target;
  readonly name: string;
  readonly path: string;
  readonly model: ReferencedModel;
  /** The value is a list (or set) of references. */
  readonly many: boolean;
  readonly values: readonly unknown[];
}

/** A model as a key's identity needs it. */
type KeyShape = Pick<ReferencedModel, "name" | "hashKey" | "rangeKey">;

/** A key's identity: the model and the hash (and range) value, from a reference value or an item. */
function keyText(model: KeyShape, value: unknown): string {
  let parts: unknown[] = [value];
  if (typeof value === "object" && value !== null && !(value instanceof Uint8Array)) {
    const record = value as Record<string, unknown>;
    parts = model.rangeKey === undefined ? [record[model.hashKey]] : [record[model.hashKey], record[model.rangeKey]];
  }
  return `${model.name}\u0000${parts.map((part) => (part instanceof Date ? `d${part.getTime()}` : `${typeof part}:${String(part)}`)).join("\u0000")}`;
}

/** The identity of an item populated first: its own key, so that a reference back to it stays a key. */
function rootText(item: Item): string {
  const model = modelOf(item);
  const schema = model.schemaForItem(item);
  return keyText({ name: model.name, hashKey: schema.hashKey, rangeKey: schema.rangeKey }, item);
}

/** True when `value` is a key to fetch (not yet an item): a hash value, or the `{hash, range}` map of a model with a range key. */
function isReference(value: unknown, model: ReferencedModel): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== "object" || value instanceof Uint8Array) return true;
  if (model.rangeKey === undefined) return false;
  const names = Object.keys(value);
  return names.length === 2 && names.includes(model.hashKey) && names.includes(model.rangeKey);
}

/** The referenced model of an attribute, and whether it holds a list (or set) of references. */
function referenceOf(node: AttributeNode, value: unknown): { model: ModelRef; many: boolean } | undefined {
  for (const type of node.types) {
    if (type.kind === "model") return { model: type.model, many: false };
    if (type.kind === "set" && type.model && value instanceof Set) return { model: type.model, many: true };
    if (type.kind === "array" && Array.isArray(value)) {
      const element = type.element?.types.find((t) => t.kind === "model");
      if (element?.kind === "model") return { model: element.model, many: true };
    }
  }
  return undefined;
}

function slotsOf(target: Target, selected: (path: string) => boolean): Slot[] {
  const slots: Slot[] = [];
  const fields = target.item as unknown as Record<string, unknown>;
  for (const node of modelOf(target.item).schemaForItem(target.item).root.attributes) {
    const value = fields[node.readName];
    if (value === undefined || value === null) continue;
    const path = target.path === "" ? node.readName : `${target.path}.${node.readName}`;
    if (!selected(path)) continue;
    const reference = referenceOf(node, value);
    if (!reference) continue;
    const model = reference.model.resolve();
    const values = reference.many ? [...(value as Iterable<unknown>)] : [value];
    if (values.some((v) => isReference(v, model))) slots.push({ target, name: node.readName, path, model, many: reference.many, values });
  }
  return slots;
}

/** Fetches the references of `slots` (one batchGet per model, each key once), by key text. */
async function fetchAll(slots: readonly Slot[]): Promise<Map<string, unknown>> {
  // By model name: each slot resolves its own description of the model.
  const wanted = new Map<string, { readonly model: ReferencedModel; readonly keys: Map<string, unknown> }>();
  for (const slot of slots) {
    for (const value of slot.values) {
      const text = keyText(slot.model, value);
      if (!isReference(value, slot.model) || slot.target.ancestors.has(text)) continue;
      let entry = wanted.get(slot.model.name);
      if (!entry) wanted.set(slot.model.name, (entry = { model: slot.model, keys: new Map() }));
      entry.keys.set(text, value);
    }
  }
  const found = new Map<string, unknown>();
  await Promise.all(
    [...wanted.values()].map(async ({ model, keys }) => {
      const texts = [...keys.keys()];
      const items = await model.fetchMany([...keys.values()]);
      items.forEach((item, index) => {
        if (item !== undefined) found.set(texts[index] as string, item);
      });
    }),
  );
  return found;
}

/**
 * Populates `items` in place. `properties` selects attributes by dotted path from these items (`*` one level, `**`
 * any depth); without it every reference is populated, at every depth.
 *
 * @example
 * ```ts
 * await populateItems(children, {}); // child.parent and child.parent.parent become items
 * ```
 */
export async function populateItems(items: readonly Item[], settings: PopulateSettings): Promise<void> {
  const properties = settings.properties;
  const selected = unknownMatcher(
    properties === undefined || properties === true ? true : typeof properties === "string" ? [properties] : properties || [],
  );
  let level: Target[] = items.map((item) => ({ item, path: "", ancestors: new Set([rootText(item)]) }));
  while (level.length > 0) {
    const slots = level.flatMap((target) => slotsOf(target, selected));
    if (slots.length === 0) return;
    const found = await fetchAll(slots);
    const next = new Map<string, Target>();
    for (const slot of slots) {
      const replaced = slot.values.map((value) => {
        const text = keyText(slot.model, value);
        const item = isReference(value, slot.model) ? found.get(text) : undefined;
        if (item === undefined) return value;
        const id = `${text}\u0000${slot.path}`;
        if (!next.has(id)) next.set(id, { item: item as Item, path: slot.path, ancestors: new Set([...slot.target.ancestors, text]) });
        return item;
      });
      (slot.target.item as unknown as Record<string, unknown>)[slot.name] = slot.many ? replaced : replaced[0];
    }
    level = [...next.values()];
  }
}
