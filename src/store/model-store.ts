/**
 * How one model reaches DynamoDB: each operation is its request builder (`getParams`, `saveParams`,
 * `deleteParams`, `updateParams`; what `{return: "request"}` resolves and transactions carry) plus one send, and
 * stored items become items of the model that owns them.
 *
 * @module
 * @internal
 */
import type { PutItemCommandOutput, UpdateItemCommandOutput } from "@aws-sdk/client-dynamodb";
import type { DataOperation, Operations } from "../aws/client.js";
import type { ValueEncoder } from "../expression/index.js";
import { type Item, type SaveSettings, assignFields, refreshItem, storedItemMaker, storedOf } from "../item/item.js";
import { standInMaker } from "../item/kept-stored.js";
import { allOf } from "../bind/conditions.js";
import { schemaEncoder } from "../bind/schema-encoder.js";
import type { UnknownAttributes } from "../bind/unknown-names.js";
import { hasNestedPath, isMissingParentError, retryCreatingParents } from "./update-missing-parents.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import { deleteParams } from "./delete-params.js";
import type { EntityTag } from "./entity.js";
import { isExpired } from "./expires.js";
import { getParams } from "./get-params.js";
import { HookCall, type HookEvent, HookList, type HookPhase, hooksOf } from "./hooks.js";
import { conformItem } from "./conform-item.js";
import { ownerOf, schemasByMatch } from "./owner.js";
import type { StoredReader, TableLink } from "./port.js";
import type { Conformed, ModelPort } from "./model-port.js";
import { saveParams } from "./save-params.js";
import { sendThrough } from "./send.js";
import { type CapacityMeter, meterFor } from "../aws/capacity.js";
import type { DeleteSettings, GetSettings, UpdateSettings } from "./settings.js";
import { readTableAttributes } from "./stored-item.js";
import { updateInput } from "./update-input.js";
import { updateParams } from "./update-params.js";
import { versionAttribute, versionConflictOf, withVersion } from "./versioning.js";

/** An item class as the store sees it. */
export type ItemClass = abstract new (...args: never[]) => Item;

/** Applies the table option `populate` (`properties`) to items just read. */
export type PopulateRead = (items: readonly Item[], properties: boolean | string | readonly string[]) => Promise<void>;

/** The store of one model. */
export class ModelStore implements ModelPort, StoredReader {
  /** The model's hooks; `undefined` until the first is registered (a model without hooks takes no detour). */
  hooks: HookList | undefined = undefined;
  private readonly encoders: ValueEncoder[];
  /** Makes the empty items that reads fill in. */
  private readonly storedItem: (stored: AttributeMap) => Item;
  /** What an item keeps of its stored map instead of the map (model option `keepOriginal: false`). */
  private readonly keep: ((stored: AttributeMap) => AttributeMap) | undefined;

  constructor(
    readonly name: string,
    readonly schemas: readonly Schema[],
    readonly itemClass: ItemClass,
    private readonly resolveTable: () => TableLink,
    /** The entity tag the model writes on its items (model option `entity`). */
    readonly entity: EntityTag | undefined,
    private readonly peekTableName: () => string,
    /** What writes do with names the schema does not declare (model option `unknownAttributes`). */
    readonly unknownAttributes: UnknownAttributes,
    private readonly populate: PopulateRead,
    /** Whether read items keep their stored map for `original()` (model option `keepOriginal`, default `true`). */
    keepOriginal = true,
  ) {
    this.encoders = schemas.map(schemaEncoder);
    // `set` transforms read their old values from the whole map: a model with one keeps it whatever the option says.
    this.keep =
      keepOriginal || schemas.some((schema) => schema.plan.usesOldValues) ? undefined : standInMaker(versionAttribute(this.schema));
    this.storedItem = storedItemMaker(itemClass, this.keep);
  }

  /** The first schema (keys and updates use it). */
  get schema(): Schema {
    return this.schemas[0] as Schema;
  }

  /** The encoder of the first schema. */
  get encoder(): ValueEncoder {
    return this.encoders[0] as ValueEncoder;
  }

  /** The version attribute (schema setting `version`), or undefined when the model has no optimistic locking. */
  get versionName(): string | undefined {
    return versionAttribute(this.schema);
  }

  /** The model's table (created, and its setup started, when the model has none yet). */
  table(): TableLink {
    return this.resolveTable();
  }

  /** The name of the model's table, without creating the table (nor starting its setup). */
  tableName(): string {
    return this.peekTableName();
  }

  send<K extends DataOperation>(operation: K, input: Operations[K][0], meter?: CapacityMeter): Promise<Operations[K][1]> {
    return sendThrough(this.table(), operation, input, operation, this.name, meter);
  }

  /** Sends a write labelled as the model operation; with a version, a failed check becomes `VersionConflict`. */
  private async sendChecked<K extends DataOperation>(
    label: string,
    operation: K,
    input: Operations[K][0],
    check: { readonly key: unknown; readonly expected: number | undefined; readonly mustNotExist?: boolean },
    meter: CapacityMeter | undefined,
  ): Promise<Operations[K][1]> {
    const name = this.versionName;
    try {
      return await sendThrough(this.table(), operation, input, label, this.name, meter);
    } catch (error) {
      if (name === undefined) throw error;
      throw await versionConflictOf(error, {
        model: this.name,
        schema: this.schema,
        name,
        key: check.key,
        expected: check.expected,
        mustNotExist: check.mustNotExist ?? false,
        fromStored: (map) => this.fromStored(map),
      });
    }
  }

  /** Turns a stored item into an item of this model (or of the model whose entity tag it carries). */
  async fromStored(map: AttributeMap): Promise<Item> {
    return this.readStored(map);
  }

  /**
   * Turns a stored item into an item of this model (or of the model whose entity tag it carries): synchronously
   * unless a `get` transform returned a promise, so pages of items cost no promise per item.
   */
  readStored(map: AttributeMap): Item | Promise<Item> {
    const owner = ownerOf(this.table().taggedReaders, map, this as StoredReader);
    if (owner !== this) return (owner as StoredReader).fromStored(map);
    const schema = this.schemas.length === 1 ? this.schema : (schemasByMatch(this.schemas, map)[0] as Schema);
    const item = this.storedItem(map);
    if (schema.plan.readsInPlace) {
      // No `get` transform: the plan reads straight into the item, without an intermediate object.
      this.addTableFields(schema, map, schema.plan.fromDynamoInto(map, item as unknown as Record<string, unknown>));
      return item;
    }
    const fill = (fields: Record<string, unknown>): Item => {
      assignFields(item, this.addTableFields(schema, map, fields));
      return item;
    };
    const fields = schema.plan.fromDynamo(map);
    return fields instanceof Promise ? fields.then(fill) : fill(fields);
  }

  /** Adds to read fields what the table keeps beside the schema: the TTL attribute as a Date, the version. */
  private addTableFields(schema: Schema, map: AttributeMap, fields: Record<string, unknown>): Record<string, unknown> {
    return withVersion(readTableAttributes(this.table(), schema, map, fields), map, this.versionName);
  }

  toItem(object: unknown): Item {
    const ItemClass = this.itemClass as unknown as new (object: unknown) => Item;
    return object instanceof ItemClass ? object : new ItemClass(object);
  }

  /** The stored form of an item. */
  async toStored(item: Item): Promise<AttributeMap> {
    return (await this.conform(item, storedOf(item) === null)).map;
  }

  /** Registers a hook (`Model.pre` / `Model.post`). */
  addHook(phase: HookPhase, event: HookEvent, fn: unknown): void {
    (this.hooks ??= new HookList()).add(phase, event, fn, this.name);
  }

  /** GetItem; `undefined` when there is no item (or it has expired). */
  async get(key: unknown, settings: GetSettings = {}): Promise<Item | undefined> {
    const hooks = hooksOf(this, settings);
    const call = hooks && new HookCall(hooks, { event: "get" as const, operation: "get", model: this.name, key });
    if (call) await call.pre();
    const meter = meterFor(settings, this.table());
    const output = await sendThrough(this.table(), "getItem", await getParams(this, key, settings), "get", this.name, meter);
    let item: Item | undefined;
    if (output.Item && !isExpired(this.table(), output.Item)) {
      item = await this.fromStored(output.Item);
      if (this.table().options.populate) await this.populateRead([item]);
      if (meter) item = meter.deliver(item, this.table().name, true);
    }
    if (call) await call.post(item, output);
    return item;
  }

  /** Conforms an item with the best-matching schema that accepts it (see `conformItem`). */
  conform(item: Item, isNew: boolean): Promise<Conformed> {
    return conformItem(this, item, isNew);
  }

  /**
   * PutItem of an item (`item.save()`, or `Model.create`: `operation`); resolves the same item, refreshed with
   * defaults and timestamps.
   */
  async save(item: Item, settings: SaveSettings, operation: "create" | "save" = "save"): Promise<Item> {
    const hooks = hooksOf(this, settings);
    const call = hooks && new HookCall(hooks, { event: "save" as const, operation, model: this.name, item });
    if (call) await call.pre();
    const { schema, map, input, expected } = saveParams(this, item, await this.conform(item, storedOf(item) === null), settings);
    const meter = meterFor(settings, this.table());
    const output: PutItemCommandOutput = await this.sendChecked(
      "save",
      "putItem",
      input,
      { key: item, expected, mustNotExist: settings.overwrite === false },
      meter,
    );
    refreshItem(item, this.addTableFields(schema, map, await schema.plan.fromDynamo(map)), this.keep ? this.keep(map) : map);
    const saved = meter ? meter.deliver(item, this.table().name, true) : item;
    if (call) await call.post(saved, output);
    return saved;
  }

  /** DeleteItem. */
  async delete(key: unknown, settings: DeleteSettings = {}): Promise<void> {
    const hooks = hooksOf(this, settings);
    const call = hooks && new HookCall(hooks, { event: "delete" as const, operation: "delete", model: this.name, key });
    if (call) await call.pre();
    const { input, expected } = await deleteParams(this, key, settings);
    const meter = meterFor(settings, this.table());
    const output = await this.sendChecked("delete", "deleteItem", input, { key, expected }, meter);
    meter?.deliver(undefined);
    if (call) await call.post(undefined, output);
  }

  /** UpdateItem; resolves the item as `returnValues` asks (all of it, new, by default). */
  async update(key: unknown, given: Record<string, unknown>, settings: UpdateSettings = {}): Promise<Item | undefined> {
    const hooks = hooksOf(this, settings);
    const call = hooks && new HookCall(hooks, { event: "save" as const, operation: "update", model: this.name, key, update: given });
    if (call) await call.pre();
    const update = call ? call.context.update : given;
    const { input, Key, actions, condition, expected } = await updateParams(this, key, update, settings);
    const meter = meterFor(settings, this.table());
    const send = (request: typeof input) => this.sendChecked("update", "updateItem", request, { key, expected }, meter);
    let output: UpdateItemCommandOutput;
    try {
      output = await send(input);
    } catch (error) {
      if (!isMissingParentError(error) || !hasNestedPath(actions)) throw error;
      // Sent nested first (no extra cost when the parents exist); rewritten only when a parent map is missing.
      output = await retryCreatingParents(
        {
          actions,
          encode: this.encoder,
          read: async () =>
            (
              await sendThrough(
                this.table(),
                "getItem",
                { Key, TableName: this.table().name, ConsistentRead: true },
                "update",
                this.name,
                meter,
              )
            ).Item ?? {},
          send: (rewritten, created) => send(updateInput(this, Key, rewritten, allOf(condition, created), settings, true)),
        },
        error,
      );
    }
    let item = output.Attributes ? await this.fromStored(output.Attributes) : undefined;
    if (item && meter) item = meter.deliver(item, this.table().name, true);
    if (call) await call.post(item, output);
    return item;
  }

  /**
   * The table option `populate` (Dynamoose's auto-populate) applied to items just read by get, batchGet, query or
   * scan; without the option, the items as they are (no promise).
   */
  populateRead<T extends readonly Item[]>(items: T): T | Promise<T> {
    const properties = this.table().options.populate;
    if (properties === undefined || properties === false || items.length === 0) return items;
    return this.populate(items, properties).then(() => items);
  }
}
