/**
 * Which model built which transaction action, and which models exist (for raw actions, found by table name).
 *
 * @module
 * @internal
 */
import type { ModelPort } from "../store/port.js";

const builtBy = new WeakMap<object, ModelPort>();
const models = new Set<ModelPort>();

/** Records a model (every model has `Model.transaction`). */
export function registerModel(core: ModelPort): void {
  models.add(core);
}

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
  for (const core of models) if (core.tableName() === tableName) return core;
  return undefined;
}
