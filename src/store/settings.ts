/**
 * The settings of a model's single-item operations (`Model.get`, `Model.delete`, `Model.update`).
 *
 * @module
 */
import type { ReturnValue } from "@aws-sdk/client-dynamodb";
import type { CapacitySettings } from "../aws/capacity.js";

/** Settings of `Model.get`. */
export interface GetSettings extends CapacitySettings {
  /** `"request"`: resolve the GetItem input without sending it. */
  readonly return?: "item" | "request";
  /** Only these attributes (a ProjectionExpression). */
  readonly attributes?: readonly string[];
  /** A strongly consistent read. */
  readonly consistent?: boolean;
  /** `false`: run none of the model's hooks (`Model.pre` / `Model.post`) for this call. */
  readonly hooks?: boolean;
}

/** Settings of `Model.delete`. */
export interface DeleteSettings extends CapacitySettings {
  /** `"request"`: resolve the DeleteItem input without sending it. */
  readonly return?: null | "request";
  /** A condition the stored item must meet. */
  readonly condition?: unknown;
  /** `false`: run none of the model's hooks (`Model.pre` / `Model.post`) for this call. */
  readonly hooks?: boolean;
}

/** Settings of `Model.update`. */
export interface UpdateSettings extends CapacitySettings {
  /** `"request"`: resolve the UpdateItem input without sending it. */
  readonly return?: "item" | "request";
  /** A condition the stored item must meet. */
  readonly condition?: unknown;
  /** DynamoDB `ReturnValues` (default `"ALL_NEW"`). */
  readonly returnValues?: ReturnValue;
  /** `false`: run none of the model's hooks (`Model.pre` / `Model.post`) for this call. */
  readonly hooks?: boolean;
}
