/**
 * Transactions. (Placeholder: filled in by the transactions issue.)
 *
 * @module
 */
import { OtherError } from "../errors.js";
import type { ModelCore } from "../model/model-core.js";

/** `Model.transaction.*`: builders of transaction actions. */
export function modelTransaction(core: ModelCore): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const notYet = () => Promise.reject(new OtherError(`${core.name}.transaction is not implemented yet.`, { code: "not_implemented" }));
  return { get: notYet, create: notYet, update: notYet, delete: notYet, condition: notYet };
}

/** `dynamodel.transaction(actions, settings?, callback?)`. */
export function transaction(..._args: unknown[]): Promise<unknown> | undefined {
  return Promise.reject(new OtherError("dynamodel.transaction is not implemented yet.", { code: "not_implemented" }));
}
