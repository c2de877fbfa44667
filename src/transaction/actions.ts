/**
 * `Model.transaction.get/create/update/delete/condition`: each builds the request its single-item counterpart would
 * send (`{return: "request"}`), so conditions, the save pipeline, update objects and version checks are the same.
 *
 * @module
 * @internal
 */
import type { ConditionCheck } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors.js";
import { type SaveSettings, storedOf } from "../item/item.js";
import { conditionNode, conditionParams } from "../bind/conditions.js";
import { keyOf, rawKey } from "../bind/keys.js";
import { deleteParams } from "../store/delete-params.js";
import { getParams } from "../store/get-params.js";
import { HookCall, hooksOf } from "../store/hooks.js";
import type { ModelPort } from "../store/model-port.js";
import { saveParams } from "../store/save-params.js";
import type { DeleteSettings, GetSettings, UpdateSettings } from "../store/settings.js";
import { updateParams } from "../store/update-params.js";
import { markAction } from "./registry.js";
import type { ModelTransaction } from "./types.js";

/** Drops a trailing callback, as Dynamoose does (with its warning). */
function withoutCallback(args: unknown[]): unknown[] {
  if (typeof args[args.length - 1] !== "function") return args;
  console.warn(
    "Dynamoose Warning: Passing callback function into transaction method not allowed. Removing callback function from list of arguments.",
  );
  return args.slice(0, -1);
}

/** Splits the one-object form of update into the key and the rest. */
function splitKey(core: ModelPort, object: unknown): [Record<string, unknown>, Record<string, unknown>] {
  const whole = { ...(object as Record<string, unknown>) };
  const key = rawKey(core.schema, whole);
  for (const name of Object.keys(whole)) {
    const attribute = core.schema.attribute(name);
    if (attribute && Object.hasOwn(key, attribute.name)) delete whole[name];
  }
  return [key, whole];
}

/** The `Model.transaction` object of a model. */
export function modelTransaction(core: ModelPort): ModelTransaction<unknown, unknown, unknown, unknown> {
  const methods = {
    async get(key: unknown, settings: GetSettings = {}) {
      const { ConsistentRead: _, ...input } = await getParams(core, key, settings);
      return markAction({ Get: input }, core);
    },
    async create(object: unknown, settings: SaveSettings = {}) {
      const item = core.toItem(object);
      const hooks = hooksOf(core, settings);
      const call = hooks && new HookCall(hooks, { event: "save" as const, operation: "transaction.create", model: core.name, item });
      if (call) await call.pre();
      const save = { overwrite: false, ...settings };
      const { input } = saveParams(core, item, await core.conform(item, storedOf(item) === null), save);
      return markAction({ Put: input }, core, call && ((response) => call.post(item, response)));
    },
    async update(key: unknown, given?: Record<string, unknown>, settings: UpdateSettings = {}) {
      let update = given;
      if (update === undefined) [key, update] = splitKey(core, key);
      const hooks = hooksOf(core, settings);
      const call = hooks && new HookCall(hooks, { event: "save" as const, operation: "transaction.update", model: core.name, key, update });
      if (call) await call.pre();
      const { ReturnValues: _, ...input } = (await updateParams(core, key, call ? call.context.update : update, settings, false)).input;
      return markAction({ Update: input }, core, call && ((response) => call.post(undefined, response)));
    },
    async delete(key: unknown, settings: DeleteSettings = {}) {
      const hooks = hooksOf(core, settings);
      const call = hooks && new HookCall(hooks, { event: "delete" as const, operation: "transaction.delete", model: core.name, key });
      if (call) await call.pre();
      const { input } = await deleteParams(core, key, settings);
      return markAction({ Delete: input }, core, call && ((response) => call.post(undefined, response)));
    },
    async condition(key: unknown, condition: unknown) {
      const node = conditionNode(condition, core.schema);
      if (!node) throw new InvalidParameter(`${core.name}.transaction.condition needs a condition.`, { code: "missing_condition" });
      const input: ConditionCheck = {
        Key: await keyOf(core.schema, key),
        TableName: core.table().name,
        ...(conditionParams(node, core.encoder) as { ConditionExpression: string }),
      };
      return markAction({ ConditionCheck: input }, core);
    },
  };
  const wrap =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    (...args: unknown[]): Promise<R> => {
      try {
        return run(...(withoutCallback(args) as A));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  return {
    get: wrap(methods.get),
    create: wrap(methods.create),
    update: wrap(methods.update),
    delete: wrap(methods.delete),
    condition: wrap(methods.condition),
  } as unknown as ModelTransaction<unknown, unknown, unknown, unknown>;
}
