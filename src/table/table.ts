/**
 * `dynamodel.Table`: one DynamoDB table holding the items of one or more models, with a setup flow (describe →
 * create if missing → wait until ACTIVE → enable TTL → reconcile with `update`) that starts when the table is
 * constructed, as in Dynamoose, and that every request shares.
 *
 * @module
 */
import type { CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import { type Callback, attempt, settle } from "../callback.js";
import type { AnyDynamoDBClient, Operation, Operations } from "../aws/client.js";
import { sendOperation } from "../aws/client.js";
import { InvalidParameter, OtherError } from "../errors.js";
import type { Item } from "../item/item.js";
import { Query, Scan } from "../query/index.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import { createTableInput } from "./create-input.js";
import type { ExpiresSettings } from "../store/expires.js";
import type { ModelStore } from "../store/model-store.js";
import type { StoredReader, TableLink } from "../store/port.js";
import { TableStore } from "../store/table-store.js";
import { expiresSettings } from "./ttl.js";
import { type TableOptions, type TableOptionsInput, resolveTableOptions } from "./options.js";
import { updateKinds } from "./reconcile.js";
import { checkTableArguments, checkTableModels } from "./check-models.js";
import { createDefaults } from "./defaults.js";
import { describeTable, runSetup, waitUntilActive } from "./setup.js";
import { SetupGate } from "./setup-gate.js";

/** What a table needs of a model. @internal */
export interface TableModel {
  readonly name: string;
  readonly schemas: readonly Schema[];
  /** The table the model is bound to, if any. */
  readonly boundTable: Table | undefined;
  /** Binds the model to a table. */
  bindTable(table: Table): void;
  /** The model's store. */
  readonly Model: ModelStore;
}

/** Any model (what `dynamodel.model` returns). */
export interface ModelBrand {
  readonly __dynamodelModel: true;
}

/** What a table needs of its instance: the client holder. @internal */
export interface TableInstance {
  readonly aws: { readonly ddb: () => AnyDynamoDBClient };
}

/** Settings of `table.create()`. */
export interface TableCreateSettings {
  /** `"request"`: resolve the CreateTable input without sending it. */
  readonly return?: "request" | "response";
}

/**
 * A DynamoDB table and the models stored in it.
 *
 * @example
 * ```ts
 * const table = new dynamodel.Table("App", [User, Order], { throughput: "ON_DEMAND" });
 * await table.initialize();
 * ```
 */
export class Table implements TableLink {
  /** Defaults for every table of this instance: given options > these > built-ins. */
  static readonly defaults = createDefaults();

  /** The options in force. */
  readonly options: TableOptions;
  /** The models stored in this table. */
  readonly models: readonly TableModel[];
  /** The instance whose client the table's requests go through. @internal */
  readonly instance: TableInstance;
  /** The resolved `expires` option. @internal */
  readonly expires: ExpiresSettings | undefined;
  private readonly baseName: string;
  private initialized: boolean;
  /** `waitForActive` was set (options or `Table.defaults`) and is enabled: with `create: false` the setup still waits. */
  private readonly waitRequested: boolean;
  /** The setup sends requests: `create`, `update` or a requested wait (else it is the cold-start setting). */
  private readonly setupSends: boolean;
  readonly #setup = new SetupGate(
    () => runSetup(this, this.waitRequested),
    () => this.instance.aws.ddb(),
  );

  constructor(name: string, models: readonly ModelBrand[], options?: TableOptionsInput);
  /** @internal */
  constructor(name: string, models: readonly ModelBrand[], options: TableOptionsInput | undefined, instance: TableInstance);
  constructor(name: string, given: readonly ModelBrand[], options?: TableOptionsInput, instance?: TableInstance) {
    const models = given as unknown as readonly TableModel[];
    checkTableArguments(name, models);
    const ctor = new.target as typeof Table & { instance?: TableInstance };
    const owner = instance ?? ctor.instance;
    if (!owner) throw new InvalidParameter("A Table needs an instance; use dynamodel.Table or instance.Table.", { code: "invalid_table" });
    this.instance = owner;
    this.baseName = name;
    this.options = resolveTableOptions(options, ctor.defaults.get());
    this.expires = expiresSettings(this.options);
    checkTableModels(this, models);
    this.models = models;
    for (const model of models) model.bindTable(this);
    this.initialized = this.options.initialize;
    const wait = this.options.waitForActive;
    this.waitRequested =
      (options?.waitForActive ?? ctor.defaults.get().waitForActive) !== undefined && typeof wait === "object" && wait.enabled;
    this.setupSends = this.options.create || updateKinds(this.options.update).size > 0 || this.waitRequested;
    // As in Dynamoose, the setup starts now, in a microtask: a client set right after the constructor is the one used.
    if (this.initialized && this.setupSends) queueMicrotask(() => this.#setup.begin());
  }

  /** The table name, with prefix and suffix. */
  get name(): string {
    return `${this.options.prefix}${this.baseName}${this.options.suffix}`;
  }

  /** The hash key attribute. */
  get hashKey(): string {
    return this.primarySchema.hashKey;
  }

  /** The range key attribute, if any. */
  get rangeKey(): string | undefined {
    return this.primarySchema.rangeKey;
  }

  private get primarySchema(): Schema {
    return (this.models[0] as TableModel).schemas[0] as Schema;
  }

  /** Sends one operation through this table's instance. @internal */
  send<K extends Operation>(operation: K, input: Operations[K][0]): Promise<Operations[K][1]> {
    return sendOperation(this.instance.aws.ddb(), operation, input);
  }

  /** The CreateTable input for this table. */
  createRequest(): CreateTableCommandInput {
    return createTableInput(
      this.name,
      this.models.flatMap((model) => model.schemas),
      this.options,
    );
  }

  /**
   * Sends CreateTable (or, with `{return: "request"}`, resolves its input).
   * @example `await table.create({ return: "request" })`
   */
  create(settings?: TableCreateSettings): Promise<CreateTableCommandInput | undefined>;
  create(settings: TableCreateSettings | undefined, callback: Callback<CreateTableCommandInput | undefined>): void;
  create(callback: Callback<CreateTableCommandInput | undefined>): void;
  create(
    settings?: TableCreateSettings | Callback<CreateTableCommandInput | undefined>,
    callback?: Callback<CreateTableCommandInput | undefined>,
  ): Promise<CreateTableCommandInput | undefined> | undefined {
    if (typeof settings === "function") return settle(this.create(), settings);
    return settle(
      attempt(async () => {
        const input = this.createRequest();
        if (settings?.return === "request") return input;
        await this.send("createTable", input);
        return undefined;
      }),
      callback,
    );
  }

  /** Runs the setup flow now (needed first when the table was made with `initialize: false`). */
  initialize(): Promise<void>;
  initialize(callback: Callback<void>): void;
  initialize(callback?: Callback<void>): Promise<void> | undefined {
    this.initialized = true;
    return settle(this.ready(), callback);
  }

  /**
   * Resolves once the table is ready for requests: the setup runs once, shared by concurrent callers; a failure is
   * reported to the first call and retried by the next (see {@link SetupGate}). @internal
   */
  ready(): Promise<void> {
    if (!this.initialized)
      return Promise.reject(new OtherError(`Table ${this.name} has not been initialized.`, { code: "not_initialized" }));
    return this.setupSends ? this.#setup.ready() : Promise.resolve();
  }

  /** The readers of the models that tag their items, computed once (reads route by tag only when there are some). @internal */
  get taggedReaders(): readonly StoredReader[] {
    this.#taggedReaders ??= this.models.map((model) => model.Model).filter((reader) => reader.entity !== undefined);
    return this.#taggedReaders;
  }
  #taggedReaders: readonly StoredReader[] | undefined;

  /** The store of the whole table (Table.query and Table.scan read through it), made on first use. */
  #store(): TableStore {
    this.#tableStore ??= new TableStore(
      this,
      this.models.map((model) => model.Model),
    );
    return this.#tableStore;
  }
  #tableStore: TableStore | undefined;

  /**
   * Turns a stored item into an item of the model that wrote it (its entity tag), else of the model whose schemas
   * fit it best (the first on ties). @internal
   */
  async fromStored(map: AttributeMap): Promise<unknown> {
    return this.#store().readStored(map);
  }

  /**
   * A query over the items of every model of the table (an addition to Dynamoose): the indexes of all models can be
   * used, and each item comes back as the model that wrote it (its entity tag, else the best-fitting schema).
   * @example `const partition = await app.query("pk").eq("USER#u1").exec(); // a User and its Orders`
   */
  query(init?: unknown): Query<Item> {
    return new Query<Item>(this.#store(), init);
  }

  /**
   * A scan of the whole table, each item returned as the model that wrote it.
   * @example `for await (const item of app.scan()) if (item instanceof Order) total += item.total;`
   */
  scan(init?: unknown): Scan<Item> {
    return new Scan<Item>(this.#store(), init);
  }

  /** DescribeTable; `undefined` when the table does not exist. @internal */
  describeTable(): Promise<TableDescription | undefined> {
    return describeTable(this);
  }

  /**
   * Polls DescribeTable (`known` counts as the first answer) until the table and its global indexes are ACTIVE;
   * rejects with `WaitForActiveTimeout` after `waitForActive.check.timeout`. @internal
   */
  waitUntilActive(known?: TableDescription): Promise<TableDescription> {
    return waitUntilActive(this, known);
  }
}
