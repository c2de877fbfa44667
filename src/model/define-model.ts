/**
 * `dynamodel.model(name, schema, options)`: defines a model, a class of items with the model's methods as
 * statics. Its table (on the default instance, unless the model is passed to a `Table` first) is made on first use
 * (`Model.table()` or a request), or when a second model with the same table name is defined, as in Dynamoose.
 *
 * @module
 */
import { batchDelete, batchGet, batchPut } from "../batch/index.js";
import { readByKeys } from "../batch/batch-get.js";
import { type Callback, attempt, settle, splitCallback } from "../callback.js";
import { InvalidParameter, MissingSchemaError } from "../errors.js";
import { Instance } from "../instance.js";
import { Item, itemModel } from "../item/item.js";
import { Query, Scan } from "../query/index.js";
import type { SchemaDefinition, SchemaSettings } from "../schema/definition.js";
import type { ReferencedModel } from "../schema/nodes.js";
import type { KeyOf, ObjectOf, UpdateOf } from "../schema/infer.js";
import { isPlainObject } from "../schema/parse.js";
import { Schema, schemaOf } from "../schema/schema.js";
import type { DefinitionInput, TypedDefinition } from "../schema/infer/callbacks.js";
import { type EntityOption, entityTag } from "../store/entity.js";
import type { ExpiresAttribute, WithExpiry, WithExpiryUpdate } from "../store/expires.js";
import { type TableOptionsInput, resolveTableOptions } from "../table/options.js";
import type { ModelBrand, Table, TableModel } from "../table/table.js";
import { modelTransaction } from "../transaction/index.js";
import { rawKey } from "../bind/keys.js";
import { MethodRegistry } from "./methods.js";
import type { UnknownAttributes } from "../bind/unknown-names.js";
import { deleteParams } from "../store/delete-params.js";
import { getParams } from "../store/get-params.js";
import { withEstimate } from "../store/capacity-estimate.js";
import type { DeleteSettings, GetSettings, UpdateSettings } from "../store/settings.js";
import type { HookEvent } from "../store/hooks.js";
import { type Registration, registerModel, registeredModel, registeredModels } from "../store/registry.js";
import { updateParams } from "../store/update-params.js";
import { ModelCore } from "./model-core.js";
import type { AliasNames, ModelType } from "./model-type.js";

/**
 * Options of a model: its table's options, plus the table name (default: the model name) and `entity`, the
 * attribute that tags every item the model writes (value: the model name) so that reads through a shared table
 * return each item as its own model.
 */
export type ModelOptions = TableOptionsInput & {
  /** The table's name (default: the model name); models with the same `tableName` share one table. */
  readonly tableName?: string;
  /**
   * An attribute written on every item of the model (`true`: `_type`, a name, or `{ attribute, value }`), so that reads
   * through a shared table return each item as the model that wrote it.
   */
  readonly entity?: EntityOption;
  /**
   * What `create`, `save`, `new Model(obj).save()` and `update` do with names (top-level or nested) the schema neither
   * declares nor keeps (`saveUnknown`): `"drop"` them silently (the default, as in Dynamoose), or `"throw"` an
   * `UnknownAttribute` error naming each path before anything is sent.
   * @example `dynamodel.model("Order", schema, { unknownAttributes: "throw" })`
   */
  readonly unknownAttributes?: UnknownAttributes;
  /**
   * `false`: read and saved items do not keep the stored map `item.original()` returns (it then throws
   * `InvalidParameter`), only their version for optimistic locking, so that many read items take less memory (bench:
   * 785 instead of 1,660 bytes per read User). A schema with a `set` transform keeps the map anyway (the transform's
   * old value). Default `true`, as in Dynamoose.
   * @example `dynamodel.model("Event", schema, { keepOriginal: false })`
   */
  readonly keepOriginal?: boolean;
};

/**
 * The type of a model defined from a schema (what `dynamodel.model(name, schema, options)` returns): a
 * {@link ModelType} whose item, input, key and update types are inferred from the definition `D`, the schema
 * settings `S` and the model options `O`. Editors show a model by this name; name its parts with `InferItem`,
 * `InferInput`, `InferKey` and `InferUpdate` (`InferItem<typeof Order>`).
 *
 * @example
 * ```ts
 * const Order = dynamodel.model("Order", orderSchema); // const Order: Model<{ readonly id: ...; ... }, {}, {}>
 * ```
 */
export interface Model<D extends SchemaDefinition, S extends SchemaSettings = {}, O extends ModelOptions = {}>
  extends ModelType<
    WithExpiry<ObjectOf<D, S, "item">, ExpiresAttribute<O>, Date>,
    WithExpiry<ObjectOf<D, S, "input">, ExpiresAttribute<O>, Date | number>,
    KeyOf<D, S>,
    WithExpiryUpdate<UpdateOf<D, S>, ObjectOf<D, S, "item">, ExpiresAttribute<O>>,
    AliasNames<D>
  > {}

/** Any model, whatever its item type. */
export type AnyModel = ModelType<object, never, never, never>;

type ModelClassShape = TableModel & { readonly name: string };

/** The models of the registry, as this module registers them. */
const registered = (): readonly { readonly model: ModelClassShape; readonly tableName: string }[] =>
  registeredModels() as readonly (Registration & { readonly model: ModelClassShape })[];

const asyncStatic =
  <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
  (...args: unknown[]): Promise<R> | undefined => {
    const [rest, callback] = splitCallback<unknown[], R>(args);
    return settle(
      attempt(() => run(...(rest as A))),
      callback as Callback<R> | undefined,
    );
  };

function toSchemas(name: string, schema: unknown): Schema[] {
  const list = Array.isArray(schema) ? schema : [schema];
  if (list.length === 0)
    throw new MissingSchemaError(`Schema hasn't been registered for model "${name}".\nUse "dynamodel.model(name, schema)"`, {
      code: "missing_schema",
    });
  const schemas = list.map((item: unknown) => (item instanceof Schema ? item : schemaOf(item as SchemaDefinition)));
  const [first, ...rest] = schemas;
  for (const other of rest) {
    if (other.hashKey !== first?.hashKey) throw new InvalidParameter("hashKey's for all schema's must match.", { code: "invalid_schema" });
    if (other.rangeKey !== first?.rangeKey)
      throw new InvalidParameter("rangeKey's for all schema's must match.", { code: "invalid_schema" });
  }
  return schemas;
}

/**
 * Defines a model whose item type is inferred from the schema, or returns a registered model by name.
 *
 * @example
 * ```ts
 * const User = dynamodel.model("User", new dynamodel.Schema({ id: { type: String, hashKey: true }, age: Number }));
 * const user = await User.create({ id: "u1", age: 30 }); // user.age: number | undefined
 * ```
 */
export function model<const D extends SchemaDefinition, const S extends SchemaSettings = {}, const O extends ModelOptions = {}>(
  name: string,
  schema: Schema<D, S>,
  options?: O,
): Model<D, S, O>;
// A plain definition: two signatures rather than a default for `O`, so that the callbacks of the definition are typed
// from their attributes (see `SchemaConstructor`).
export function model<const D extends DefinitionInput, const T>(
  name: string,
  schema: TypedDefinition<D, T>,
): Model<Extract<D, SchemaDefinition>>;
export function model<const D extends DefinitionInput, const T, const O extends ModelOptions>(
  name: string,
  schema: TypedDefinition<D, T>,
  options: O,
): Model<Extract<D, SchemaDefinition>, {}, O>;
export function model<T extends object = Record<string, unknown>>(
  name: string,
  schema?: Schema | SchemaDefinition | readonly (Schema | SchemaDefinition)[],
  options?: ModelOptions,
): ModelType<T, Partial<T>, unknown, Partial<T> & Record<string, unknown>>;
export function model(name: string, schema?: unknown, options: ModelOptions = {}): unknown {
  if (typeof name !== "string" || name === "") throw new InvalidParameter("A model needs a name.", { code: "invalid_model" });
  if (schema === undefined) {
    const found = registeredModel(name);
    if (!found)
      throw new MissingSchemaError(`Schema hasn't been registered for model "${name}".\nUse "dynamodel.model(name, schema)"`, {
        code: "missing_schema",
      });
    return found.model;
  }
  if (!(schema instanceof Schema) && !Array.isArray(schema) && !isPlainObject(schema)) {
    throw new InvalidParameter(`The schema of model ${name} must be a Schema, a definition object or an array of them.`, {
      code: "invalid_model",
    });
  }
  const schemas = toSchemas(name, schema);
  const tableName = options.tableName ?? name;
  let boundTable: Table | undefined;

  class ModelItem extends Item {}
  const ctor = ModelItem as unknown as Record<string | symbol, unknown> & ModelClassShape;

  const resolveTable = (): Table => {
    if (boundTable) return boundTable;
    const together = registered()
      .filter((r) => r.tableName === tableName && !r.model.boundTable)
      .map((r) => r.model);
    const models = together.includes(ctor) ? together : [ctor, ...together];
    new Instance.default.Table(tableName, models as unknown as ModelBrand[], options);
    return boundTable as unknown as Table;
  };
  const tableNameOf = (): string => {
    if (boundTable) return boundTable.name;
    const { prefix, suffix } = resolveTableOptions(options, Instance.default.Table.defaults.get());
    return `${prefix}${tableName}${suffix}`;
  };
  const core = new ModelCore(
    name,
    schemas,
    ModelItem,
    resolveTable,
    entityTag(name, options.entity),
    tableNameOf,
    options.unknownAttributes,
    options.keepOriginal,
  );

  const define = (key: string | symbol, value: unknown) =>
    Object.defineProperty(ctor, key, { value, enumerable: false, configurable: true, writable: false });
  define("name", name);
  define(itemModel, core);
  define("__dynamodelModel", true);
  define("schemas", schemas);
  define("Model", core);
  define("Item", ctor);
  define("bindTable", (table: Table) => {
    boundTable = table;
  });
  Object.defineProperty(ctor, "boundTable", { get: () => boundTable, enumerable: false });
  define("describeReference", () => {
    const first = schemas[0] as Schema;
    return {
      name,
      hashKey: first.hashKey,
      rangeKey: first.rangeKey,
      hashKeyKind: first.attribute(first.hashKey)?.types[0]?.kind ?? "string",
      fetchMany: (keys: readonly unknown[]) => readByKeys(core, keys),
    };
  });
  for (const schema of schemas) schema.bindOwner(() => (ctor.describeReference as () => ReferencedModel)());

  define(
    "get",
    asyncStatic(async (key: unknown, settings: GetSettings = {}) =>
      settings.return === "request" ? withEstimate("getItem", await getParams(core, key, settings)) : core.get(key, settings),
    ),
  );
  define(
    "create",
    asyncStatic((object: object, settings?: object) => core.saveItem(new ModelItem(object), { overwrite: false, ...settings }, "create")),
  );
  define(
    "update",
    asyncStatic(async (key: unknown, update?: Record<string, unknown>, settings: UpdateSettings = {}) => {
      if (update === undefined) {
        const whole = { ...(key as Record<string, unknown>) };
        const keyPart = rawKey(core.schema, whole);
        for (const name of Object.keys(keyPart)) delete whole[name];
        for (const alias of Object.keys(whole))
          if (core.schema.attribute(alias) && Object.hasOwn(keyPart, core.schema.attribute(alias)?.name ?? "")) delete whole[alias];
        return core.update(keyPart, whole, {});
      }
      if (settings.return === "request") return withEstimate("updateItem", (await updateParams(core, key, update, settings)).input);
      return core.update(key, update, settings);
    }),
  );
  define(
    "delete",
    asyncStatic(async (key: unknown, settings: DeleteSettings = {}) =>
      settings.return === "request"
        ? withEstimate("deleteItem", (await deleteParams(core, key, settings)).input)
        : core.delete(key, settings),
    ),
  );
  define("table", () => resolveTable());
  // Hooks (an addition: Dynamoose has none), kept by the store, through which every read and write passes.
  define("pre", (event: HookEvent, fn: unknown) => {
    core.addHook("pre", event, fn);
    return ctor;
  });
  define("post", (event: HookEvent, fn: unknown) => {
    core.addHook("post", event, fn);
    return ctor;
  });
  // Query and Scan (src/query), batches (src/batch), transactions (src/transaction).
  define("query", (init?: unknown) => new Query(core, init));
  define("scan", (init?: unknown) => new Scan(core, init));
  define(
    "batchGet",
    asyncStatic((keys: readonly unknown[], settings?: object) => batchGet(core, keys, settings)),
  );
  define(
    "batchPut",
    asyncStatic((items: readonly unknown[], settings?: object) => batchPut(core, items, settings)),
  );
  define(
    "batchDelete",
    asyncStatic((keys: readonly unknown[], settings?: object) => batchDelete(core, keys, settings)),
  );
  define("transaction", modelTransaction(core));
  // A custom static may take the name of a hook method (`pre`, `post`: not Dynamoose's), as it could in Dynamoose.
  const statics = new MethodRegistry(() => ctor as Record<string, unknown>, ["pre", "post"]);
  const itemMethods = new MethodRegistry(() => ModelItem.prototype as unknown as Record<string, unknown>);
  define("methods", {
    set: statics.set.bind(statics),
    delete: statics.delete.bind(statics),
    item: { set: itemMethods.set.bind(itemMethods), delete: itemMethods.delete.bind(itemMethods) },
  });
  define("serializer", core.serializer);
  define("serializeMany", (items: unknown = [], nameOrOptions?: unknown) => {
    if (!Array.isArray(items)) throw new InvalidParameter("itemsArray must be an array of item objects", { code: "invalid_serializer" });
    return items.map((item: Item) => core.serializeItem(item, nameOrOptions));
  });

  registerModel({ name, store: core, tableName, model: ctor, options });
  // As in Dynamoose, a second model with the same table name makes the first one's table now (with both models in
  // it), which starts its setup; a single model's table is made on first use (`Model.table()` or a request).
  const sibling = registered().find((r) => r.tableName === tableName && r.model !== ctor && !r.model.boundTable);
  try {
    if (sibling) (sibling.model as unknown as { table: () => Table }).table();
  } catch {
    // Models that can not share a table (keys, entity tags) are refused on first use, as before: defining never throws.
  }
  return ctor;
}
