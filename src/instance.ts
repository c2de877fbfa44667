/**
 * `dynamodel.Instance`: an independent client (and Table class) for multi-region or multi-account use.
 *
 * @module
 */
import { type ConverterHolder, converter } from "./marshal/converter.js";
import { type DDBHolder, createDDBHolder } from "./aws/ddb.js";
import { createDefaults } from "./table/defaults.js";
import { Table, type TableInstance } from "./table/table.js";

/** `instance.aws`: the client holder and the (global) converter. */
export interface AwsNamespace {
  /** The client: `ddb()`, `ddb.set(client)`, `ddb.revert()`, `ddb.local(endpoint)`. */
  readonly ddb: DDBHolder;
  /** The global marshalling functions (shared by every instance, as in Dynamoose). */
  readonly converter: ConverterHolder;
}

/**
 * An independent set of client and tables. Models bound through `new instance.Table(...)` send their requests
 * through `instance.aws.ddb()`.
 *
 * @example
 * ```ts
 * const west = new dynamodel.Instance();
 * west.aws.ddb.set(new DynamoDB({ region: "us-west-2" }));
 * new west.Table("Users", [User]);
 * ```
 */
export class Instance implements TableInstance {
  /** The instance behind `dynamodel.aws` and `dynamodel.Table`. */
  static readonly default: Instance = new Instance();

  /** This instance's client holder. */
  readonly aws: AwsNamespace;
  /** The Table class bound to this instance. */
  readonly Table: typeof Table;

  constructor() {
    this.aws = { ddb: createDDBHolder(), converter };
    const instance = this;
    this.Table = class extends Table {
      static override readonly defaults = createDefaults();
      static readonly instance: TableInstance = instance;
    };
  }
}
