/**
 * `dynamodel.Table`: one DynamoDB table holding the items of one or more models, with a lazy setup flow that
 * runs once (describe → create if missing → wait until ACTIVE) and that every first request shares.
 *
 * @module
 */
import type { CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import { type Callback, attempt, settle } from "../callback.js";
import type { AnyDynamoDBClient, Operation, Operations } from "../aws/client.js";
import { sendOperation } from "../aws/client.js";
import { InvalidParameter, InvalidParameterType, OtherError, WaitForActiveTimeout } from "../errors.js";
import type { Schema } from "../schema/schema.js";
import { createTableInput } from "./create-input.js";
import { type TableOptions, type TableOptionsInput, resolveTableOptions } from "./options.js";

/** What a table needs of a model. @internal */
export interface TableModel {
  readonly name: string;
  readonly schemas: readonly Schema[];
  /** The table the model is bound to, if any. */
  readonly boundTable: Table | undefined;
  /** Binds the model to a table. */
  bindTable(table: Table): void;
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

const isModelLike = (value: unknown): value is TableModel =>
  typeof value === "function" && typeof (value as { bindTable?: unknown }).bindTable === "function";

const sleep = (ms: number) => new Promise<void>((resolve) => (ms <= 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

/**
 * A DynamoDB table and the models stored in it.
 *
 * @example
 * ```ts
 * const table = new dynamodel.Table("App", [User, Order], { throughput: "ON_DEMAND" });
 * await table.initialize();
 * ```
 */
export class Table {
  /** Defaults for every table of this instance: given options > these > built-ins. */
  static readonly defaults = createDefaults();

  /** The options in force. */
  readonly options: TableOptions;
  /** The models stored in this table. */
  readonly models: readonly TableModel[];
  /** The instance whose client the table's requests go through. @internal */
  readonly instance: TableInstance;
  private readonly baseName: string;
  private setup: Promise<void> | undefined;
  private initialized: boolean;

  constructor(name: string, models: readonly ModelBrand[], options?: TableOptionsInput);
  /** @internal */
  constructor(name: string, models: readonly ModelBrand[], options: TableOptionsInput | undefined, instance: TableInstance);
  constructor(name: string, given: readonly ModelBrand[], options?: TableOptionsInput, instance?: TableInstance) {
    const models = given as unknown as readonly TableModel[];
    if (name === undefined || name === null || name === "") throw new InvalidParameter("Name must be passed into table constructor.", { code: "invalid_table" });
    if (typeof name !== "string") throw new InvalidParameterType("Table name must be a string.", { code: "invalid_table", received: typeof name });
    if (models === undefined) throw new InvalidParameter("Models must be passed into table constructor.", { code: "invalid_table" });
    if (!Array.isArray(models) || models.length === 0 || !models.every(isModelLike)) {
      throw new InvalidParameterType("Models passed into table constructor should be an array of models.", { code: "invalid_table" });
    }
    const ctor = new.target as typeof Table & { instance?: TableInstance };
    const owner = instance ?? ctor.instance;
    if (!owner) throw new InvalidParameter("A Table needs an instance; use dynamodel.Table or instance.Table.", { code: "invalid_table" });
    this.instance = owner;
    this.baseName = name;
    this.options = resolveTableOptions(options, ctor.defaults.get());
    for (const model of models) {
      if (model.boundTable && model.boundTable !== this) {
        throw new InvalidParameter(`Model ${model.name} has already been assigned to a table.`, { code: "invalid_table" });
      }
    }
    const [first, ...rest] = models;
    const firstSchema = first?.schemas[0];
    for (const model of rest) {
      for (const schema of model.schemas) {
        if (schema.hashKey !== firstSchema?.hashKey) throw new InvalidParameter("hashKey's for all models must match.", { code: "invalid_table" });
        if (schema.rangeKey !== firstSchema?.rangeKey) throw new InvalidParameter("rangeKey's for all models must match.", { code: "invalid_table" });
      }
    }
    this.models = models;
    for (const model of models) model.bindTable(this);
    this.initialized = this.options.initialize;
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

  /** Resolves once the table is ready for requests; the setup runs once and is shared by concurrent callers. @internal */
  ready(): Promise<void> {
    if (!this.initialized) return Promise.reject(new OtherError(`Table ${this.name} has not been initialized.`, { code: "not_initialized" }));
    if (!this.setup) {
      const setup = this.runSetup();
      this.setup = setup;
      // A failed setup is retried by the next request; it never becomes an unhandled rejection.
      setup.catch(() => {
        if (this.setup === setup) this.setup = undefined;
      });
    }
    return this.setup;
  }

  private async runSetup(): Promise<void> {
    if (!this.options.create) return;
    let description = await this.describe();
    if (!description) {
      try {
        await this.send("createTable", this.createRequest());
      } catch (error) {
        if ((error as { name?: string }).name !== "ResourceInUseException") throw error;
      }
      description = undefined;
    }
    const wait = this.options.waitForActive;
    if (typeof wait === "object" && wait.enabled) await this.waitForActive(description);
  }

  private async describe(): Promise<TableDescription | undefined> {
    try {
      return (await this.send("describeTable", { TableName: this.name })).Table;
    } catch (error) {
      if ((error as { name?: string }).name === "ResourceNotFoundException") return undefined;
      throw error;
    }
  }

  private async waitForActive(known: TableDescription | undefined): Promise<void> {
    const wait = this.options.waitForActive;
    const { timeout, frequency } = typeof wait === "object" ? wait.check : { timeout: 180_000, frequency: 1000 };
    const started = Date.now();
    let description = known;
    for (;;) {
      if (!description) description = await this.describe();
      const active =
        description?.TableStatus === "ACTIVE" && (description.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === "ACTIVE");
      if (active) return;
      if (Date.now() - started >= timeout) {
        throw new WaitForActiveTimeout(`Wait for active timed out after ${timeout} milliseconds (table ${this.name}).`, { code: "wait_for_active_timeout" });
      }
      await sleep(frequency);
      description = undefined;
    }
  }
}

/** Creates a `Table.defaults` holder. @internal */
export function createDefaults() {
  let custom: TableOptionsInput = {};
  return {
    /** Sets custom defaults (`{}` resets). */
    set(options: TableOptionsInput): void {
      custom = { ...options };
    },
    /** The custom defaults. */
    get(): TableOptionsInput {
      return custom;
    },
  };
}
