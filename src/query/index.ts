/**
 * Query and Scan builders. (Placeholder: filled in by the Query/Scan issue.)
 *
 * @module
 */
import { OtherError } from "../errors.js";
import type { ModelCore } from "../model/model-core.js";

/** A query of a model's items. */
export class Query<T = Record<string, unknown>> {
  /** @internal */
  declare readonly __item?: T;
  constructor(
    readonly core: ModelCore,
    readonly init?: unknown,
  ) {}

  /** Runs the query. */
  exec(): Promise<T[]> {
    return Promise.reject(new OtherError("Model.query is not implemented yet.", { code: "not_implemented" }));
  }
}

/** A scan of a model's items. */
export class Scan<T = Record<string, unknown>> {
  /** @internal */
  declare readonly __item?: T;
  constructor(
    readonly core: ModelCore,
    readonly init?: unknown,
  ) {}

  /** Runs the scan. */
  exec(): Promise<T[]> {
    return Promise.reject(new OtherError("Model.scan is not implemented yet.", { code: "not_implemented" }));
  }
}
