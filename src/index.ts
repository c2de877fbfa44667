/**
 * dynamodel: a typed, fast, Dynamoose-compatible ODM for Amazon DynamoDB.
 *
 * Import it any way you like: `import dynamodel from "dynamodel"`, `import * as dynamodel from "dynamodel"`,
 * `const dynamodel = require("dynamodel")`, or named imports (`import { Schema, model } from "dynamodel"`).
 *
 * @example
 * ```ts
 * import dynamodel from "dynamodel";
 * const User = dynamodel.model("User", new dynamodel.Schema({ id: { type: String, hashKey: true }, name: String }));
 * await User.create({ id: "u1", name: "Ada" });
 * ```
 * @module
 */
import { consumedCapacity } from "./aws/capacity.js";
import { retry } from "./batch/index.js";
import * as error from "./errors.js";
import { Condition, update } from "./expression/index.js";
import { Instance } from "./instance.js";
import { Item } from "./item/item.js";
import { logger } from "./logger/logger.js";
import { model } from "./model/define-model.js";
// Straight from their modules: re-exported through query/index.ts, the declaration bundler warns of a chunk cycle.
import { Query } from "./query/query.js";
import { Scan } from "./query/scan.js";
import { type } from "./schema/attribute-types.js";
import { Schema } from "./schema/schema.js";
import { transaction } from "./transaction/index.js";

/** `dynamodel.aws`: the default instance's client holder (`aws.ddb()`, `.set`, `.revert`, `.local`) and the converter. */
export const aws = Instance.default.aws;

/** `dynamodel.Table`: the Table class bound to the default instance. */
export const Table = Instance.default.Table;
/** The Table class type. */
export type Table = InstanceType<typeof Instance.default.Table>;

export { Condition, Instance, Item, Query, Scan, Schema, consumedCapacity, error, logger, model, retry, transaction, type, update };
export type { CapacityEstimate, CapacitySettings, Estimated, ReturnConsumedCapacity } from "./aws/capacity.js";
export type { OnProgress, Progress } from "./store/progress.js";
export type { AnySymbol, NullSymbol, ThisSymbol, UndefinedSymbol } from "./schema/attribute-types.js";
export type {
  AppendOperation,
  DecrementOperation,
  IfNotExistsOperation,
  IncrementOperation,
  PrependOperation,
  UpdateOperation,
} from "./expression/index.js";
export type { ConsoleLike, LogEvent, LogLevel, LogProvider, Logger } from "./logger/logger.js";
export type {
  BatchDeleteResult,
  BatchGetResult,
  BatchGetSettings,
  BatchPutResult,
  BatchSettings,
  BatchWriteSettings,
  RetryOptions,
} from "./batch/index.js";
export type {
  ModelTransaction,
  TransactConditionAction,
  TransactDeleteAction,
  TransactGetAction,
  TransactionAction,
  TransactionCapacity,
  TransactionRequest,
  TransactionSettings,
  TransactPutAction,
  TransactUpdateAction,
  TransactWriteAction,
} from "./transaction/index.js";
export type { Callback } from "./callback.js";
export type { AnyDynamoDBClient, DynamoDBLike, SendingClient } from "./aws/client.js";
export type { CancellationReason, Issue } from "./errors.js";
export type { ItemConformSettings, ItemSettings, SaveSettings, PopulateSettings } from "./item/item.js";
export type { AliasNames, ItemOf, ModelType, PostHookContext, PreHookContext, RetrieverInit } from "./model/model-type.js";
export type { HookEvent } from "./store/hooks.js";
export type {
  DeleteContext,
  GetContext,
  PostFields,
  PostHookContexts,
  PreHookContexts,
  RetrieveContext,
  SaveItemContext,
  SaveUpdateContext,
} from "./store/hook-context.js";
export type { Explanation, PlainKey, QueryResponse, ScanResponse, SegmentKeys, SortOrder } from "./query/index.js";
export type { DeleteSettings, GetSettings, UpdateSettings } from "./store/settings.js";
export type { AnyModel, Model, ModelOptions } from "./model/define-model.js";
export type { UnknownAttributes } from "./bind/unknown-names.js";
export type { SerializerOptions } from "./model/serializers.js";
export type {
  AttributeDefinition,
  AttributeValueDefinition,
  DateStorage,
  IndexDefinition,
  SchemaDefinition,
  SchemaSettings,
  TypeSpec,
} from "./schema/definition.js";
export type {
  HashKey,
  HashKeyName,
  HashRangeKey,
  InferInput,
  InferItem,
  InferKey,
  InferSource,
  InferUpdate,
  LooseKey,
  ModelTypes,
  RangeKeyName,
  DocumentPath,
  UpdateOf,
} from "./schema/infer.js";
export type { AttributeCallbacks, CheckedDefinition, InputValue, ReadValue, TypedDefinition } from "./schema/infer/callbacks.js";
export type { SchemaConstructor } from "./schema/schema.js";
export type { TableOptions, TableOptionsInput } from "./table/options.js";

/**
 * The whole namespace, as the default export (Dynamoose's shape), plus the classes `Item` (every item is an instance:
 * `item instanceof dynamodel.Item`; `class Order extends Item` types a model as in Dynamoose), `Query` and `Scan`.
 */
const dynamodel = {
  /** Defines a model, or returns the one registered under a name: see {@link model}. */
  model,
  Table,
  /** An independent client holder and `Table` class: see {@link Instance}. */
  Instance,
  /** A schema, compiled once: see {@link Schema}. */
  Schema,
  /** A condition, in Dynamoose's chain or object form: see {@link Condition}. */
  Condition,
  /** Runs actions as one transaction: see {@link transaction}. */
  transaction,
  aws,
  logger,
  type,
  error,
  retry,
  update,
  /** The capacity the call that resolved an item consumed: see {@link consumedCapacity}. */
  consumedCapacity,
  /** The base class of every item: see {@link Item}. */
  Item,
  /** The query chain class: see {@link Query}. */
  Query,
  /** The scan chain class: see {@link Scan}. */
  Scan,
};
export default dynamodel;
