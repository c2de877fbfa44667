/**
 * Which model built which transaction action (a raw action's model is found by its table name in the registry).
 *
 * @module
 * @internal
 */
import type { ModelPort } from "../store/model-port.js";
import { storeForTable } from "../store/registry.js";

const builtBy = new WeakMap<object, ModelPort>();
/** Runs an action's post hooks once its transaction is written (only actions whose model has hooks have one). */
export type AfterWrite = (response: unknown) => Promise<void>;
const afterWrite = new WeakMap<object, AfterWrite>();

/** Records the model of an action it built, and what runs once the transaction is written (its post hooks). */
export function markAction<A extends object>(action: A, core: ModelPort, after?: AfterWrite): A {
  builtBy.set(action, core);
  if (after) afterWrite.set(action, after);
  return action;
}

/** Runs the post hooks of the actions of a transaction just written, in the order of the actions. */
export async function afterWritten(actions: readonly object[], response: unknown): Promise<void> {
  for (const action of actions) await afterWrite.get(action)?.(response);
}

/** The model that built an action, else the first of `preferred`, then of every model, whose table has `tableName`. */
export function modelOfAction(
  action: object,
  tableName: string | undefined,
  preferred: readonly (ModelPort | undefined)[],
): ModelPort | undefined {
  const built = builtBy.get(action);
  if (built) return built;
  if (tableName === undefined) return undefined;
  for (const core of preferred) if (core && core.tableName() === tableName) return core;
  return storeForTable(tableName);
}
