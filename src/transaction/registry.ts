/**
 * Which model built which transaction action (a raw action's model is found by its table name in the registry).
 *
 * @module
 * @internal
 */
import type { ModelPort } from "../store/model-port.js";
import { storeForTable } from "../store/registry.js";

const builtBy = new WeakMap<object, ModelPort>();
/** Records the model of an action it built. */
export function markAction<A extends object>(action: A, core: ModelPort): A {
  builtBy.set(action, core);
  return action;
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
