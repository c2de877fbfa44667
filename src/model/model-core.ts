/**
 * The engine behind a model: get, create/save, update, delete, and turning stored items into items.
 * Every operation is a pure request builder (`{return: "request"}` stops there) followed by one send.
 *
 * @module
 * @internal
 */
import type {
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
  ReturnValue,
  UpdateItemCommandInput,
  UpdateItemCommandOutput,
} from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors.js";
import {
  type ConditionNode,
  ExpressionRegistry,
  type UpdateAction,
  type ValueEncoder,
  compileCondition,
  compileProjection,
  compileUpdate,
  cond,
  updateAction,
} from "../expression/index.js";
import {
  type Item,
  type ItemConformSettings,
  type ItemModel,
  type PopulateSettings,
  type SaveSettings,
  assignFields,
  refreshItem,
  storedItemMaker,
  storedOf,
} from "../item/item.js";
import { checkKeyValues } from "../schema/key-limits.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import { type EntityTag, taggedOwner } from "../store/entity.js";
import { isExpired } from "../store/expires.js";
import { addTableAttributes, readTableAttributes, tableUpdate } from "../store/stored-item.js";
import type { Table } from "../table/table.js";
import { allOf, conditionNode, conditionParams } from "../bind/conditions.js";
import { attributesWithSchema, conformObject } from "./conform.js";
import { checkItemSize, checkUpdateValuesSize } from "../store/item-size.js";
import { type Key, keyOf } from "../bind/keys.js";
import { populateItems } from "./populate.js";
import { schemaEncoder } from "../bind/schema-encoder.js";
import { describeSdkError } from "../aws/sdk-errors.js";
import { Serializers } from "./serializers.js";
import { type UnknownAttributes, refuseUnknown, unknownItemPaths, unknownUpdatePaths } from "../bind/unknown-names.js";
import { hasNestedPath, isMissingParentError, retryCreatingParents } from "./update-missing-parents.js";
import { buildUpdateActions } from "./update-object.js";
import { carriedVersion, storedVersion, versionAttribute, versionCondition, versionConflictOf, withVersion } from "../store/versioning.js";

/** Settings of `Model.get`. */
export interface GetSettings {
  /** `"request"`: resolve the GetItem input without sending it. */
  readonly return?: "item" | "request";
  /** Only these attributes (a ProjectionExpression). */
  readonly attributes?: readonly string[];
  /** A strongly consistent read. */
  readonly consistent?: boolean;
}

/** Settings of `Model.delete`. */
export interface DeleteSettings {
  /** `"request"`: resolve the DeleteItem input without sending it. */
  readonly return?: null | "request";
  /** A condition the stored item must meet. */
  readonly condition?: unknown;
}

/** Settings of `Model.update`. */
export interface UpdateSettings {
  /** `"request"`: resolve the UpdateItem input without sending it. */
  readonly return?: "item" | "request";
  /** A condition the stored item must meet. */
  readonly condition?: unknown;
  /** DynamoDB `ReturnValues` (default `"ALL_NEW"`). */
  readonly returnValues?: ReturnValue;
}

/** An item class as the core sees it. */
export type ItemClass = abstract new (...args: never[]) => Item;

/** The engine of one model. */
export class ModelCore implements ItemModel {
  readonly serializer = new Serializers();
  private readonly encoders: ValueEncoder[];
  /** Makes the empty items that reads fill in. */
  private readonly storedItem: (stored: AttributeMap) => Item;

  constructor(
    readonly name: string,
    readonly schemas: readonly Schema[],
    readonly itemClass: ItemClass,
    private readonly resolveTable: () => Table,
    /** The entity tag the model writes on its items (model option `entity`). */
    readonly entity: EntityTag | undefined = undefined,
    private readonly peekTableName: () => string = () => resolveTable().name,
    /** What writes do with names the schema does not declare (model option `unknownAttributes`). */
    readonly unknownAttributes: UnknownAttributes = "drop",
  ) {
    this.encoders = schemas.map(schemaEncoder);
    this.storedItem = storedItemMaker(itemClass);
  }

  /** The first schema (keys and updates use it). */
  get schema(): Schema {
    return this.schemas[0] as Schema;
  }

  /** The encoder of the first schema. */
  get encoder(): ValueEncoder {
    return this.encoders[0] as ValueEncoder;
  }

  /** The names the table writes beside an item's attributes (expiry, entity tag, version), never unknown. */
  private tableNames(): ReadonlySet<string> {
    const names = new Set<string>();
    const expires = this.table().expires?.attribute;
    if (expires !== undefined) names.add(expires);
    if (this.entity) names.add(this.entity.attribute);
    const version = this.versionName;
    if (version !== undefined) names.add(version);
    return names;
  }

  /** The version attribute (schema setting `version`), or undefined when the model has no optimistic locking. */
  get versionName(): string | undefined {
    return versionAttribute(this.schema);
  }

  /** The model's table (created, and its setup started, when the model has none yet). */
  table(): Table {
    return this.resolveTable();
  }

  /** The name of the model's table, without creating the table (nor starting its setup). */
  tableName(): string {
    return this.peekTableName();
  }

  private async send<R>(operation: string, run: (table: Table) => Promise<R>): Promise<R> {
    const table = this.table();
    await table.ready();
    try {
      return await run(table);
    } catch (error) {
      throw describeSdkError(error, operation, this.name);
    }
  }

  /** Sends a versioned write: a failed version check becomes `VersionConflict`. */
  private async sendChecked<R>(
    operation: string,
    run: (table: Table) => Promise<R>,
    key: unknown,
    expected: number | undefined,
    mustNotExist = false,
  ): Promise<R> {
    const name = this.versionName;
    try {
      return await this.send(operation, run);
    } catch (error) {
      if (name === undefined) throw error;
      throw await versionConflictOf(error, {
        model: this.name,
        schema: this.schema,
        name,
        key,
        expected,
        mustNotExist,
        fromStored: (map) => this.fromStored(map),
      });
    }
  }

  /** Turns a stored item into an item of this model. */
  async fromStored(map: AttributeMap): Promise<Item> {
    return this.readStored(map);
  }

  /**
   * Turns a stored item into an item of this model (or of the model whose entity tag it carries): synchronously
   * unless a `get` transform returned a promise, so pages of items cost no promise per item.
   */
  readStored(map: AttributeMap): Item | Promise<Item> {
    const tagged = this.table().taggedReaders;
    const owner = tagged.length === 0 ? undefined : taggedOwner(tagged, map);
    if (owner && owner !== this) return owner.fromStored(map) as Promise<Item>;
    const schema = this.schemaForStored(map);
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

  private schemaForStored(map: AttributeMap): Schema {
    return this.schemas.length === 1 ? this.schema : (this.schemasByMatch(map)[0] as Schema);
  }

  /**
   * The schemas, best match for `object` first: by how many of its top-level names (or aliases) each declares,
   * declaration order on ties (Dynamoose's "best-matching schema per item, first on ties").
   */
  private schemasByMatch(object: object): readonly Schema[] {
    if (this.schemas.length === 1) return this.schemas;
    const names = Object.keys(object);
    const scored = this.schemas.map((schema, order) => ({ schema, order, score: names.filter((name) => schema.attribute(name)).length }));
    return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.schema);
  }

  /** GetItem. */
  async get(key: unknown, settings: GetSettings = {}): Promise<Item | undefined | GetItemCommandInput> {
    const input: GetItemCommandInput = { Key: await keyOf(this.schema, key), TableName: this.table().name };
    if (settings.consistent !== undefined && settings.consistent !== null) input.ConsistentRead = settings.consistent;
    if (settings.attributes) {
      const registry = new ExpressionRegistry();
      input.ProjectionExpression = compileProjection(settings.attributes, registry);
      Object.assign(input, registry.toParams());
    }
    if (settings.return === "request") return input;
    const output = await this.send("get", (table) => table.send("getItem", input));
    if (!output.Item || isExpired(this.table(), output.Item)) return undefined;
    const item = await this.fromStored(output.Item);
    if (this.table().options.populate) await this.populateRead([item]);
    return item;
  }

  /** Conforms an item with the best-matching schema that accepts it (see {@link schemasByMatch}). */
  private async conform(item: Item, isNew: boolean): Promise<{ schema: Schema; map: AttributeMap }> {
    const stored = storedOf(item);
    // The item as last read is only needed by `set` transforms (their oldValue): skip reading it otherwise.
    const old =
      stored && this.schemas.some((schema) => schema.plan.usesOldValues)
        ? ((await this.fromStored(stored)) as unknown as Record<string, unknown>)
        : undefined;
    // The plan copies the item's own enumerable attributes before writing into the copy: no copy here.
    const fields = item as unknown as Record<string, unknown>;
    let firstError: unknown;
    for (const schema of this.schemasByMatch(fields)) {
      let map: AttributeMap;
      try {
        map = addTableAttributes(this.table(), this.entity, schema, fields, await schema.plan.toDynamo(fields, { isNew, old }));
      } catch (error) {
        firstError ??= error;
        continue;
      }
      if (this.unknownAttributes === "throw") refuseUnknown(this.name, unknownItemPaths(schema, fields, this.tableNames()));
      checkKeyValues(map, schema.hashKey, schema.rangeKey);
      checkItemSize(map, this.name);
      return { schema, map };
    }
    throw firstError;
  }

  /** PutItem of an item (`item.save()`); resolves the same item, refreshed with defaults and timestamps. */
  async saveItem(item: Item, settings: SaveSettings): Promise<Item | PutItemCommandInput> {
    const { schema, map } = await this.conform(item, storedOf(item) === null);
    const table = this.table();
    const version = this.versionName;
    const expected =
      version === undefined ? undefined : (carriedVersion(item, version) ?? storedVersion(storedOf(item) ?? undefined, version));
    if (version !== undefined) map[version] = { N: String((expected ?? 0) + 1) };
    const node = allOf(
      conditionNode(settings.condition, this.schema),
      settings.overwrite === false ? cond.attributeNotExists(schema.hashKey) : undefined,
      version === undefined ? undefined : versionCondition(version, expected),
    );
    const input: PutItemCommandInput = { Item: map, TableName: table.name, ...conditionParams(node, this.encoder) };
    if (version !== undefined) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
    if (settings.return === "request") return input;
    await this.sendChecked("save", (t) => t.send("putItem", input), item, expected, settings.overwrite === false);
    refreshItem(item, this.addTableFields(schema, map, await schema.plan.fromDynamo(map)), map);
    return item;
  }

  /** DeleteItem. */
  async delete(key: unknown, settings: DeleteSettings = {}): Promise<DeleteItemCommandInput | undefined> {
    const version = this.versionName;
    const expected = version === undefined ? undefined : carriedVersion(key, version);
    const checked = version !== undefined && expected !== undefined;
    const input: DeleteItemCommandInput = {
      Key: await keyOf(this.schema, key),
      TableName: this.table().name,
      ...conditionParams(
        allOf(conditionNode(settings.condition, this.schema), checked ? versionCondition(version, expected) : undefined),
        this.encoder,
      ),
    };
    if (checked) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
    if (settings.return === "request") return input;
    await this.sendChecked("delete", (table) => table.send("deleteItem", input), key, expected);
    return undefined;
  }

  /** Deletes an item by its own key. */
  async deleteItem(item: Item): Promise<void> {
    await this.delete(item);
  }

  /** UpdateItem. */
  async update(
    key: unknown,
    update: Record<string, unknown>,
    settings: UpdateSettings = {},
  ): Promise<Item | undefined | UpdateItemCommandInput> {
    const version = this.versionName;
    let expected: number | undefined;
    if (version !== undefined) [update, expected] = expectedOfUpdate(key, update, version);
    const added = tableUpdate(this.table(), this.entity, this.schema, update);
    if (this.unknownAttributes === "throw") refuseUnknown(this.name, unknownUpdatePaths(this.schema, added.update));
    const actions = await buildUpdateActions(this.schema, added.update);
    for (const action of added.expiry) actions.push(action);
    if (actions.length === 0) throw new InvalidParameter(`The update of ${this.name} changes nothing.`, { code: "empty_update" });
    if (version !== undefined) actions.push(updateAction.add(version, 1));
    for (const action of added.tag) actions.push(action);
    const Key: Key = await keyOf(this.schema, key);
    const checked = version !== undefined && expected !== undefined;
    const given = conditionNode(settings.condition, this.schema);
    const condition = checked ? allOf(given, versionCondition(version, expected)) : given;
    const input = this.updateInput(Key, actions, condition, settings, checked);
    if (settings.return === "request") return input;
    const send = (request: UpdateItemCommandInput) =>
      this.sendChecked("update", (table) => table.send("updateItem", request), key, expected);
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
            (await this.send("update", (table) => table.send("getItem", { Key, TableName: table.name, ConsistentRead: true }))).Item ?? {},
          send: (rewritten, created) => send(this.updateInput(Key, rewritten, allOf(condition, created), settings, true)),
        },
        error,
      );
    }
    return output.Attributes ? this.fromStored(output.Attributes) : undefined;
  }

  /** The UpdateItem input of these actions and condition (`returnOld`: the stored item on a failed condition). */
  private updateInput(
    Key: Key,
    actions: readonly UpdateAction[],
    condition: ConditionNode | undefined,
    settings: UpdateSettings,
    returnOld: boolean,
  ): UpdateItemCommandInput {
    const registry = new ExpressionRegistry();
    // Compiled straight into the request's registry (conditionParams would copy its maps for nothing).
    const ConditionExpression = condition ? compileCondition(condition, registry, this.encoder) : undefined;
    const UpdateExpression = compileUpdate(actions, registry, this.encoder);
    // Assigned field by field, in the order the request always had.
    const input: UpdateItemCommandInput = { Key, TableName: this.table().name, UpdateExpression };
    if (ConditionExpression) input.ConditionExpression = ConditionExpression;
    const { ExpressionAttributeNames, ExpressionAttributeValues } = registry.toParams();
    if (ExpressionAttributeNames) input.ExpressionAttributeNames = ExpressionAttributeNames;
    if (ExpressionAttributeValues) {
      checkUpdateValuesSize(ExpressionAttributeValues, this.name);
      input.ExpressionAttributeValues = ExpressionAttributeValues;
    }
    input.ReturnValues = settings.returnValues ?? "ALL_NEW";
    if (returnOld) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
    return input;
  }

  /** The stored form of an item. */
  async toDynamo(item: Item): Promise<AttributeMap> {
    return (await this.conform(item, storedOf(item) === null)).map;
  }

  /** A plain copy with defaults applied (no checks). */
  async withDefaults(item: Item): Promise<Record<string, unknown>> {
    const fields = { ...item } as Record<string, unknown>;
    for (const node of this.schema.root.attributes) {
      if (fields[node.name] === undefined && node.hasDefault) {
        fields[node.name] = typeof node.default === "function" ? await (node.default as () => unknown)() : node.default;
      }
    }
    return fields;
  }

  /** Dynamoose's `objectFromSchema`: `object` conformed to its best-matching schema with Dynamoose's settings. */
  objectFromSchema(object: Record<string, unknown>, settings: ItemConformSettings, isNew: boolean): Promise<Record<string, unknown>> {
    return conformObject(this.schemasByMatch(object)[0] as Schema, object, settings, isNew);
  }

  /** Dynamoose's `attributesWithSchema`: the schema paths `object` has or could have. */
  attributesWithSchema(object: Record<string, unknown>): string[] {
    return attributesWithSchema(this.schemasByMatch(object)[0] as Schema, object);
  }

  serializeItem(item: Item, nameOrOptions: unknown): Record<string, unknown> {
    return this.serializer.serialize({ ...item } as Record<string, unknown>, nameOrOptions);
  }

  populateItems(items: readonly Item[], settings: PopulateSettings): Promise<void> {
    return populateItems(items, settings);
  }

  /**
   * The table option `populate` (Dynamoose's auto-populate) applied to items just read by get, batchGet, query or
   * scan; without the option, the items as they are (no promise).
   */
  populateRead<T extends readonly Item[]>(items: T): T | Promise<T> {
    const properties = this.table().options.populate;
    if (properties === undefined || properties === false || items.length === 0) return items;
    return populateItems(items, { properties }).then(() => items);
  }

  schemaForItem(item: Item): Schema {
    return this.schemasByMatch(item)[0] as Schema;
  }
}

/**
 * The version an update expects: the version attribute of the key object (an item read earlier), else the one in the
 * update object (plain or `$SET`), which is taken out of the update (the version is never set by hand).
 */
function expectedOfUpdate(key: unknown, update: Record<string, unknown>, version: string): [Record<string, unknown>, number | undefined] {
  let expected = carriedVersion(key, version);
  const rest = { ...update };
  if (Object.hasOwn(rest, version)) {
    expected ??= carriedVersion(rest, version);
    delete rest[version];
  }
  const set = Object.hasOwn(rest, "$SET") ? rest.$SET : undefined;
  if (typeof set === "object" && set !== null && Object.hasOwn(set, version)) {
    expected ??= carriedVersion(set, version);
    const { [version]: _, ...others } = set as Record<string, unknown>;
    rest.$SET = others;
  }
  return [rest, expected];
}
