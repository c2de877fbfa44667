/**
 * `Item`: one item of a model. `new Model(obj)` makes one; reads return them. Attributes are the item's own
 * enumerable properties; everything else (its model, what was read from DynamoDB) is kept out of sight.
 *
 * @module
 */
import type { AttributeValue, PutItemCommandInput } from "@aws-sdk/client-dynamodb";
import type { Estimated } from "../aws/capacity.js";
import { type Callback, settle, attempt } from "../callback.js";
import { InvalidParameter } from "../errors.js";
import { mapToObject } from "../marshal/from-attribute-value.js";
import { checkNesting } from "../marshal/nesting.js";
import { defineOwn } from "../marshal/own-properties.js";
import type { AttributeMap } from "../schema/plan.js";
import { fromDynamo, isDynamoObject, objectToDynamo, storedFormOf } from "./dynamo-object.js";
import { isStandIn } from "./kept-stored.js";
import type { ItemConformSettings, ItemSettings, PopulateSettings, SaveSettings } from "./settings.js";
import type { Schema } from "../schema/schema.js";

export type { ItemConformSettings, ItemSettings, PopulateSettings, SaveSettings } from "./settings.js";

/** What an item needs of its model. @internal */
export interface ItemModel {
  readonly name: string;
  saveItem(item: Item, settings: SaveSettings): Promise<Item | PutItemCommandInput>;
  deleteItem(item: Item): Promise<void>;
  /** Populates items (of any models) in place, one batchGet per referenced model and level. */
  populateItems(items: readonly Item[], settings: PopulateSettings): Promise<void>;
  /** Populates items just read as the table option `populate` asks (nothing without it). */
  populateRead<T extends readonly Item[]>(items: T): T | Promise<T>;
  /** The schema of the model that fits `item` best. */
  schemaForItem(item: Item): Schema;
  serializeItem(item: Item, nameOrOptions: unknown): Record<string, unknown>;
  withDefaults(item: Item): Promise<Record<string, unknown>>;
  toDynamo(item: Item): Promise<AttributeMap>;
  objectFromSchema(
    object: Record<string, unknown>,
    settings: ItemConformSettings,
    isNew: boolean,
  ): Promise<Record<string, unknown> | undefined>;
  attributesWithSchema(object: Record<string, unknown>): string[];
}

/** Where an item class keeps its model. @internal */
export const itemModel = Symbol("dynamodel.model");

/** A base constructor that returns the object it is given, so a subclass can give any object its private fields. */
class Stamp {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the point of the class (see ItemSlot)
    return target;
  }
}

/**
 * What an item keeps out of sight: the item as last stored in or read from DynamoDB (`null` for a new item), in a
 * private field stamped on the item. Invisible to `Object.keys`, spread, `JSON.stringify` and reflection, and, unlike a
 * non-enumerable symbol property, costs no `defineProperty` per read item.
 */
class ItemSlot extends Stamp {
  #stored: AttributeMap | null;

  private constructor(item: object, stored: AttributeMap | null) {
    super(item);
    this.#stored = stored;
  }

  /** Gives `item` its slot. */
  static attach(item: object, stored: AttributeMap | null): void {
    new ItemSlot(item, stored);
  }

  /** The stored form of `item` (`null` for a new item, or an object that is not an item). */
  static read(item: object): AttributeMap | null {
    return #stored in item ? (item as ItemSlot).#stored : null;
  }

  /** Replaces the stored form of an item. */
  static write(item: object, stored: AttributeMap): void {
    if (#stored in item) (item as ItemSlot).#stored = stored;
    else ItemSlot.attach(item, stored);
  }
}

/** The item as last stored in or read from DynamoDB, or `null` for a new item. @internal */
export function storedOf(item: Item): AttributeMap | null {
  return ItemSlot.read(item);
}

/**
 * Makes empty items of `itemClass` read from a stored map, for the reader to fill in (the schema plan's
 * `fromDynamoInto`, or {@link assignFields} with fields already read). They come from a plain constructor whose prototype is the class's: V8 sizes its instances
 * from the first ones (slack tracking), so the fields filled in later live inside the object. An item keeps the map,
 * or what `keep` makes of it (model option `keepOriginal: false`). @internal
 */
export function storedItemMaker<I extends Item>(
  itemClass: abstract new (...args: never[]) => I,
  keep?: (stored: AttributeMap) => AttributeMap,
): (stored: AttributeMap) => I {
  const StoredItem = function StoredItem() {} as unknown as new () => I;
  StoredItem.prototype = itemClass.prototype;
  if (keep)
    return (stored) => {
      const item = new StoredItem();
      ItemSlot.attach(item, keep(stored));
      return item;
    };
  return (stored) => {
    const item = new StoredItem();
    ItemSlot.attach(item, stored);
    return item;
  };
}

/** Replaces an item's fields and stored form (after a save). @internal */
export function refreshItem(item: Item, fields: Record<string, unknown>, stored: AttributeMap): void {
  for (const key of Object.keys(item)) delete (item as unknown as Record<string, unknown>)[key];
  assignFields(item, fields);
  ItemSlot.write(item, stored);
}

/**
 * Copies fields onto an item as own enumerable properties. Plain assignment does that for every name: the item
 * prototypes hold only writable data properties (class methods, `Model.methods`), which an assignment shadows;
 * `__proto__`, Object.prototype's one accessor, is defined instead. @internal
 */
export function assignFields(item: Item, fields: Record<string, unknown>): void {
  for (const key of Object.keys(fields)) assignField(item, key, fields[key]);
}

/** Sets one field as an own enumerable property (see {@link assignFields}). */
function assignField(item: Item, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(item, key, { value, enumerable: true, writable: true, configurable: true });
  else (item as unknown as Record<string, unknown>)[key] = value;
}

/** The model behind a model class or its `Model` (the statics take either). */
function modelFrom(model: unknown): ItemModel {
  const fromClass = typeof model === "function" ? (model as { [itemModel]?: ItemModel })[itemModel] : undefined;
  const found = fromClass ?? (model as ItemModel | undefined);
  if (typeof found?.objectFromSchema !== "function") throw new InvalidParameter("You must pass in a model.", { code: "invalid_model" });
  return found;
}

/** The model of an item. @internal */
export function modelOf(item: Item): ItemModel {
  // Not `item.constructor`: an attribute may be named "constructor".
  return (Object.getPrototypeOf(item).constructor as { [itemModel]: ItemModel })[itemModel];
}

/** Populates the items of a result array at once: one batchGet per referenced model and level. @internal */
export async function populateAll<T extends readonly Item[]>(items: T, settings: PopulateSettings): Promise<T> {
  if (items.length > 0) await modelOf(items[0] as Item).populateItems(items, settings);
  return items;
}

/**
 * Copies plain data deeply; Dates, Buffers and Sets are copied, other class instances kept. `level` is the nesting
 * level of a map or list here (2 for a top-level attribute): past DynamoDB's 32 levels it throws `LimitExceeded`
 * naming `name`, the top-level attribute, so a hostile 100,000-deep value never overflows the stack.
 */
export function deepCopy<T>(value: T, name = "", level = 2): T {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Uint8Array) return Buffer.from(value) as T;
  if (value instanceof Set) return new Set([...value].map((item) => deepCopy(item, name, level))) as T;
  if (Array.isArray(value)) {
    checkNesting(level, name);
    return value.map((item) => deepCopy(item, name, level + 1)) as T;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && !(value instanceof Item)) return value;
  checkNesting(level, name);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copied = deepCopy((value as Record<string, unknown>)[key], name, level + 1);
    defineOwn(out, key, copied);
  }
  return out as T;
}

/**
 * The base class of every model's items.
 *
 * @example
 * ```ts
 * const user = new User({ id: "u1", email: "a@b.c" });
 * await user.save();
 * ```
 */
export class Item {
  /**
   * Makes an item from `object` (deep-copied). A DynamoDB-JSON-looking object is taken as it is unless `settings.type`
   * is `"fromDynamo"`, which says it was read from DynamoDB.
   */
  constructor(object: object = {}, settings?: ItemSettings) {
    const source = object as Record<string, unknown>;
    if (settings?.type === "fromDynamo") {
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(source)) defineOwn(copy, key, deepCopy(source[key], key));
      const marshalled = isDynamoObject(copy) === true;
      ItemSlot.attach(this, marshalled ? (copy as AttributeMap) : storedFormOf(copy));
      assignFields(this, marshalled ? mapToObject(copy as AttributeMap, "") : copy);
      return;
    }
    ItemSlot.attach(this, null);
    for (const key of Object.keys(source)) assignField(this, key, deepCopy(source[key], key));
  }

  /**
   * An object as an AttributeValue map (`undefined` values left out), or with `{ type: "value" }` one value as an
   * AttributeValue, through `aws.converter()` (no schema).
   * @example `User.objectToDynamo({ id: 1 })` → `{ id: { N: "1" } }`
   */
  static objectToDynamo(
    object: unknown,
    settings: { readonly type: "object" | "value" } = { type: "object" },
  ): AttributeMap | AttributeValue | undefined {
    return objectToDynamo(object, settings.type);
  }

  /**
   * An AttributeValue map as a plain object, through `aws.converter()` (no schema); binaries as `Buffer`.
   * @example `User.fromDynamo({ id: { N: "1" } })` → `{ id: 1 }`
   */
  static fromDynamo(object: AttributeMap): Record<string, unknown> {
    return fromDynamo(object);
  }

  /**
   * Whether `object` is an AttributeValue map: `true`, `false`, or `null` for an empty object (`recursive`: whether
   * it is one AttributeValue).
   * @example `User.isDynamoObject({ id: { S: "a" } })` → `true`
   */
  static isDynamoObject(object: Record<string, unknown>, recursive?: boolean): boolean | null {
    return isDynamoObject(object, recursive);
  }

  /**
   * `object` conformed to the schema of `model` (a model, or its `Model`) with Dynamoose's settings (see
   * {@link ItemConformSettings}); `type` defaults to `"toDynamo"`. With `checkExpiredItem`, `undefined` for an
   * expired item.
   * @example `await User.objectFromSchema({ id: 1, extra: 2 }, User.Model)` → `{ id: 1 }`
   */
  static objectFromSchema(
    object: Record<string, unknown>,
    model: unknown,
    settings: ItemConformSettings & { readonly checkExpiredItem: true },
  ): Promise<Record<string, unknown> | undefined>;
  static objectFromSchema(
    object: Record<string, unknown>,
    model: unknown,
    settings?: ItemConformSettings & { readonly checkExpiredItem?: false | undefined },
  ): Promise<Record<string, unknown>>;
  static objectFromSchema(
    object: Record<string, unknown>,
    model: unknown,
    settings: ItemConformSettings,
  ): Promise<Record<string, unknown> | undefined>;
  static objectFromSchema(
    object: Record<string, unknown>,
    model: unknown,
    settings: ItemConformSettings = { type: "toDynamo" },
  ): Promise<Record<string, unknown> | undefined> {
    return attempt(() => modelFrom(model).objectFromSchema(object, settings, true));
  }

  /**
   * Every attribute path of the schema of `model` that `item` has or could have, list elements numbered
   * (`"friends.0.name"`).
   * @example `await User.attributesWithSchema({ id: 1, tags: ["a", "b"] }, User.Model)` → `["id", "tags", "tags.0", "tags.1"]`
   */
  static attributesWithSchema(item: Record<string, unknown>, model: unknown): Promise<string[]> {
    return attempt(() => modelFrom(model).attributesWithSchema(item));
  }

  /**
   * Saves the item (PutItem) after applying defaults, `set` transforms, timestamps and validation; resolves the
   * saved item.
   * @example `await user.save({ overwrite: false })`
   */
  save(settings: SaveSettings & { return: "request" }): Promise<Estimated<PutItemCommandInput>>;
  save(settings?: SaveSettings): Promise<this>;
  save(callback: Callback<this>): void;
  save(settings: SaveSettings, callback: Callback<this>): void;
  save(settings?: SaveSettings | Callback<this>, callback?: Callback<this>): Promise<unknown> | undefined {
    if (typeof settings === "function")
      return settle(
        attempt(() => modelOf(this).saveItem(this, {})),
        settings as Callback<unknown>,
      );
    return settle(
      attempt(() => modelOf(this).saveItem(this, settings ?? {})),
      callback as Callback<unknown> | undefined,
    );
  }

  /**
   * Deletes the item by its key.
   * @example `await user.delete()`
   */
  delete(): Promise<void>;
  delete(callback: Callback<void>): void;
  delete(callback?: Callback<void>): Promise<void> | undefined {
    return settle(
      attempt(() => modelOf(this).deleteItem(this)),
      callback,
    );
  }

  /**
   * Replaces reference attributes by the items they refer to.
   * @example `const order = await (await Order.get("o1")).populate()`
   */
  populate(settings?: PopulateSettings): Promise<this>;
  populate(callback: Callback<this>): void;
  populate(settings: PopulateSettings, callback: Callback<this>): void;
  populate(settings?: PopulateSettings | Callback<this>, callback?: Callback<this>): Promise<this> | undefined {
    if (typeof settings === "function") return settle(this.populate(), settings);
    return settle(
      attempt(async () => {
        await modelOf(this).populateItems([this], settings ?? {});
        return this;
      }),
      callback,
    );
  }

  /**
   * The item as last read from DynamoDB (before the schema: unknown attributes kept, Dates as numbers), or `null` for a
   * new item. Throws `InvalidParameter` for a read item of a model defined with `keepOriginal: false`.
   */
  original(): Record<string, unknown> | null {
    const stored = ItemSlot.read(this);
    if (stored !== null && isStandIn(stored))
      throw new InvalidParameter(
        `${modelOf(this).name}.original(): the model keeps no item as read (model option keepOriginal: false); define it without the option to call original().`,
        { code: "original_not_kept" },
      );
    return stored === null ? null : mapToObject(stored, "");
  }

  /**
   * A JSON-safe plain copy (Dates as ISO strings, Buffers as `{type, data}`). Sets become arrays, unlike
   * Dynamoose's `{}`.
   */
  toJSON(): Record<string, unknown> {
    return JSON.parse(JSON.stringify({ ...this }, (_key, value: unknown) => (value instanceof Set ? [...value] : value))) as Record<
      string,
      unknown
    >;
  }

  /**
   * A plain object through the model's serializers (default: a shallow copy).
   * @example `user.serialize("public")`
   */
  serialize(nameOrOptions?: unknown): Record<string, unknown> {
    return modelOf(this).serializeItem(this, nameOrOptions);
  }

  /** A plain copy of the item with defaults applied (no type check, no validation). */
  withDefaults(): Promise<Record<string, unknown>> {
    return modelOf(this).withDefaults(this);
  }

  /**
   * Makes the item match its schema, with Dynamoose's settings (default `{ type: "fromDynamo" }`: types checked,
   * unknown attributes the schema does not keep removed, stored forms read); resolves the item. With
   * `checkExpiredItem`, resolves `undefined` for an expired item (left unchanged). With `type: "fromDynamo"`, the
   * item's references are first populated as the table option `populate` asks, as for every read.
   * @example `await user.conformToSchema({ type: "toDynamo", defaults: true })`
   */
  conformToSchema(settings: ItemConformSettings & { readonly checkExpiredItem: true }): Promise<this | undefined>;
  conformToSchema(settings?: ItemConformSettings & { readonly checkExpiredItem?: false | undefined }): Promise<this>;
  conformToSchema(settings: ItemConformSettings): Promise<this | undefined>;
  async conformToSchema(settings: ItemConformSettings = { type: "fromDynamo" }): Promise<this | undefined> {
    if (settings.type === "fromDynamo") await modelOf(this).populateRead([this]);
    const fields = await modelOf(this).objectFromSchema({ ...this } as Record<string, unknown>, settings, ItemSlot.read(this) === null);
    if (fields === undefined) return undefined;
    for (const key of Object.keys(this)) if (!Object.hasOwn(fields, key)) delete (this as unknown as Record<string, unknown>)[key];
    assignFields(this, fields);
    return this;
  }

  /** The stored form of the item (AttributeValue map), after the full save pipeline. */
  toDynamo(): Promise<AttributeMap> {
    return modelOf(this).toDynamo(this);
  }
}
