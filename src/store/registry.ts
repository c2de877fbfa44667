/**
 * The one registry of models, by name, as Dynamoose's `ModelStore`: `dynamodel.model(name)` finds a model in it,
 * models of one table find each other in it, and a transaction finds the model of a raw action's table in it.
 *
 * @module
 * @internal
 */
import type { ModelPort } from "./model-port.js";

/** A model as the registry knows it. */
export interface Registration {
  /** The model's name. */
  readonly name: string;
  /** The model's store. */
  readonly store: ModelPort;
  /** The table name as given (model option `tableName`, else the model name), without prefix and suffix. */
  readonly tableName: string;
  /** The model itself, what `dynamodel.model(name)` returns. */
  readonly model: object;
  /** The options the model was defined with. */
  readonly options: object;
}

const byName = new Map<string, Registration>();

/** Registers a model (a later model of the same name takes its place, as in Dynamoose). */
export function registerModel(registration: Registration): void {
  byName.set(registration.name, registration);
}

/** The model registered as `name`. */
export function registeredModel(name: string): Registration | undefined {
  return byName.get(name);
}

/** Every registered model, in the order their names were first registered. */
export function registeredModels(): readonly Registration[] {
  return [...byName.values()];
}

/** The store of a registered model whose table is `tableName` (with prefix and suffix), the first registered. */
export function storeForTable(tableName: string): ModelPort | undefined {
  for (const registration of byName.values()) if (registration.store.tableName() === tableName) return registration.store;
  return undefined;
}
