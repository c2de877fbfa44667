/**
 * `Model.batchGet`: BatchGetItem in requests of 100 keys, sent with bounded concurrency; unprocessed keys are
 * re-sent with backoff within the retry budget; items come back in the order of the keys asked.
 *
 * @module
 * @internal
 */
import type { BatchGetItemCommandInput, KeysAndAttributes } from "@aws-sdk/client-dynamodb";
import { BatchIncomplete, InvalidParameterType } from "../errors.js";
import { ExpressionRegistry, compileProjection } from "../expression/index.js";
import type { Item } from "../item/item.js";
import { type Key, keyOf, rawKey } from "../bind/keys.js";
import type { StorePort } from "../store/port.js";
import { sendMetered } from "../store/send.js";
import { withEstimate } from "../store/capacity-estimate.js";
import { type CapacityMeter, meterFor } from "../aws/capacity.js";
import { isExpired } from "../store/expires.js";
import { progressFor, sdkRetries } from "../store/progress.js";
import type { AttributeMap } from "../schema/plan.js";
import { type ChunkOutcome, chunk, concurrencyOf, runBounded, sendUntilDone } from "./chunks.js";
import { keyId } from "../bind/key-id.js";
import { keyNames, refuseDuplicates } from "../bind/key-names.js";
import { resultArray } from "./result-array.js";
import { RetryClock, resolveRetry } from "../aws/retry.js";
import type { BatchGetSettings } from "./types.js";

/** DynamoDB's limit of keys per BatchGetItem. */
export const MAX_GET_KEYS = 100;

interface GetEntry {
  readonly input: unknown;
  readonly key: Key;
  readonly id: string;
}

function readOptions(settings: BatchGetSettings, names: readonly string[]): Omit<KeysAndAttributes, "Keys"> {
  const options: Omit<KeysAndAttributes, "Keys"> = {};
  if (settings.consistent !== undefined && settings.consistent !== null) options.ConsistentRead = settings.consistent;
  if (settings.attributes) {
    const registry = new ExpressionRegistry();
    const attributes = [...settings.attributes, ...names.filter((name) => !settings.attributes?.includes(name))];
    options.ProjectionExpression = compileProjection(attributes, registry);
    Object.assign(options, registry.toParams());
  }
  return options;
}

/** Reads many items by key. */
export async function batchGet(core: StorePort, keys: readonly unknown[], settings: BatchGetSettings = {}): Promise<unknown> {
  const read = await readMany(core, keys, settings);
  if (!("items" in read)) return read.request;
  const items = read.items.filter((item): item is Item => item !== undefined);
  const result = resultArray(await core.populateRead(items), read.unprocessedKeys);
  return read.meter ? read.meter.deliver(result, core.table().name) : result;
}

/**
 * Reads the items of `keys` (what `populate` fetches with): each key's item in the order of the keys, `undefined`
 * where it does not exist. Unprocessed keys left after the retry budget throw `BatchIncomplete`. @internal
 */
export async function readByKeys(core: StorePort, keys: readonly unknown[]): Promise<readonly (Item | undefined)[]> {
  const read = await readMany(core, keys, { unprocessed: "throw" });
  return "items" in read ? read.items : [];
}

type ReadResult =
  | { readonly request: unknown }
  | {
      readonly items: readonly (Item | undefined)[];
      readonly unprocessedKeys: Record<string, unknown>[];
      readonly meter: CapacityMeter | undefined;
    };

async function readMany(core: StorePort, keys: readonly unknown[], settings: BatchGetSettings): Promise<ReadResult> {
  if (!Array.isArray(keys))
    throw new InvalidParameterType("batchGet takes an array of keys.", { code: "invalid_batch", received: typeof keys });
  const schema = core.schema;
  const names = keyNames(schema);
  const concurrency = concurrencyOf(settings.concurrency);
  const table = core.table();
  const entries: GetEntry[] = await Promise.all(
    keys.map(async (input: unknown) => {
      const key = await keyOf(schema, input);
      return { input, key, id: keyId(key, names) };
    }),
  );
  refuseDuplicates(core.name, "batchGet", entries, (entry) => rawKey(schema, entry.input));
  const options = readOptions(settings, names);
  const request = (part: readonly GetEntry[]): BatchGetItemCommandInput => ({
    RequestItems: { [table.name]: { Keys: part.map((entry) => entry.key), ...options } },
  });
  if (settings.return === "request") return { request: withEstimate("batchGetItem", request(entries)) };
  const chunks = chunk(entries, MAX_GET_KEYS);
  if (settings.return === "requests") return { request: chunks.map((part) => withEstimate("batchGetItem", request(part))) };

  const found = new Map<string, AttributeMap>();
  const outcomes: ChunkOutcome<GetEntry>[] = [];
  const meter = meterFor(settings, table);
  const progress = progressFor(settings.onProgress, entries.length);
  if (entries.length > 0) {
    await table.ready();
    const clock = new RetryClock(resolveRetry(settings.retry));
    await runBounded(chunks, concurrency, async (part) => {
      const outcome = await sendUntilDone(
        part,
        clock,
        async (left) => {
          const output = await sendMetered(table, "batchGetItem", request(left), meter);
          progress?.retried(sdkRetries(output));
          for (const item of output.Responses?.[table.name] ?? []) found.set(keyId(item, names), item);
          const unprocessed = new Set((output.UnprocessedKeys?.[table.name]?.Keys ?? []).map((key) => keyId(key, names)));
          return left.filter((entry) => unprocessed.has(entry.id));
        },
        progress,
      );
      outcomes.push(outcome);
    });
  }
  const left = outcomes.flatMap((outcome) => outcome.left);
  const unprocessedKeys = left.map((entry) => rawKey(schema, entry.input));
  if (left.length > 0 && settings.unprocessed === "throw") {
    const cause = outcomes.find((outcome) => outcome.error !== undefined)?.error;
    throw new BatchIncomplete(`${core.name}.batchGet: ${left.length} of ${entries.length} keys were not read within the retry budget.`, {
      unprocessed: unprocessedKeys,
      cause,
    });
  }
  const items: (Item | undefined)[] = [];
  for (const entry of entries) {
    const map = found.get(entry.id);
    items.push(map && !isExpired(table, map) ? await core.readStored(map) : undefined);
  }
  return { items, unprocessedKeys, meter };
}
