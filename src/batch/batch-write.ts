/**
 * `Model.batchPut` and `Model.batchDelete`: BatchWriteItem in requests of 25 writes, sent with bounded concurrency;
 * unprocessed writes are re-sent with backoff within the retry budget and matched back to the caller's items by key.
 * Every item goes through the save pipeline (defaults, timestamps, `set`, validation) before anything is sent.
 *
 * @module
 * @internal
 */
import type { BatchWriteItemCommandInput, BatchWriteItemCommandOutput, WriteRequest } from "@aws-sdk/client-dynamodb";
import { BatchIncomplete, InvalidParameter, InvalidParameterType } from "../errors.js";
import { keyOf, rawKey } from "../bind/keys.js";
import { HookCall, type HookList, hooksOf } from "../store/hooks.js";
import type { StorePort } from "../store/port.js";
import { sendMetered } from "../store/send.js";
import { indexesOfSchema, withEstimate } from "../store/capacity-estimate.js";
import { meterFor } from "../aws/capacity.js";
import { carriedVersion, storedVersion } from "../store/versioning.js";
import { progressFor, sdkRetries } from "../store/progress.js";
import { type ChunkOutcome, chunk, concurrencyOf, runBounded, sendUntilDone } from "./chunks.js";
import { keyId } from "../bind/key-id.js";
import { keyNames, refuseDuplicates } from "../bind/key-names.js";
import { RetryClock, resolveRetry } from "../aws/retry.js";
import type { BatchWriteSettings } from "./types.js";

/** DynamoDB's limit of writes per BatchWriteItem. */
export const MAX_WRITES = 25;

interface WriteEntry {
  readonly id: string;
  readonly request: WriteRequest;
  /** What is reported if the write is left unprocessed: the item, or the key object. */
  readonly reported: unknown;
  /** The item's hooks, when the model has some. */
  readonly call: HookCall<{ readonly event: "save" | "delete" }> | undefined;
}

/** The hooks of a batch's items: none for a request that is only built (`return: "request"` / `"requests"`). */
function batchHooks(core: StorePort, settings: BatchWriteSettings): HookList | undefined {
  return settings.return === "request" || settings.return === "requests" ? undefined : hooksOf(core, settings);
}

function refuseVersioned(core: StorePort, operation: string, settings: BatchWriteSettings): void {
  if (core.versionName !== undefined && settings.ignoreVersion !== true) {
    throw new InvalidParameter(
      `${core.name}.${operation}: ${core.name} is versioned (optimistic locking) and BatchWriteItem takes no condition, so the batch could overwrite concurrent changes. Use save/transactions, or pass { ignoreVersion: true }.`,
      { code: "versioned_batch" },
    );
  }
}

function checkList(core: StorePort, operation: string, list: unknown): void {
  if (!Array.isArray(list))
    throw new InvalidParameterType(`${core.name}.${operation} takes an array.`, { code: "invalid_batch", received: typeof list });
}

/** Writes many items (PutRequest each). */
export async function batchPut(core: StorePort, items: readonly unknown[], settings: BatchWriteSettings = {}): Promise<unknown> {
  checkList(core, "batchPut", items);
  refuseVersioned(core, "batchPut", settings);
  const names = keyNames(core.schema);
  const version = core.versionName;
  const hooks = batchHooks(core, settings);
  const entries: WriteEntry[] = await Promise.all(
    items.map(async (input: unknown): Promise<WriteEntry> => {
      const item = core.toItem(input);
      const call = hooks && new HookCall(hooks, { event: "save" as const, operation: "batchPut", model: core.name, item });
      if (call) await call.pre();
      const map = await core.toStored(item);
      if (version !== undefined) map[version] = { N: String((carriedVersion(item, version) ?? storedVersion(map, version) ?? 0) + 1) };
      return { id: keyId(map, names), request: { PutRequest: { Item: map } }, reported: item, call };
    }),
  );
  refuseDuplicates(core.name, "batchPut", entries, (entry) => rawKey(core.schema, entry.reported));
  return writeAll(core, "batchPut", entries, settings);
}

/** Deletes many items by key (DeleteRequest each). */
export async function batchDelete(core: StorePort, keys: readonly unknown[], settings: BatchWriteSettings = {}): Promise<unknown> {
  checkList(core, "batchDelete", keys);
  refuseVersioned(core, "batchDelete", settings);
  const names = keyNames(core.schema);
  const hooks = batchHooks(core, settings);
  const entries: WriteEntry[] = await Promise.all(
    keys.map(async (input: unknown): Promise<WriteEntry> => {
      const call = hooks && new HookCall(hooks, { event: "delete" as const, operation: "batchDelete", model: core.name, key: input });
      if (call) await call.pre();
      const key = await keyOf(core.schema, input);
      return { id: keyId(key, names), request: { DeleteRequest: { Key: key } }, reported: rawKey(core.schema, input), call };
    }),
  );
  refuseDuplicates(core.name, "batchDelete", entries, (entry) => entry.reported);
  return writeAll(core, "batchDelete", entries, settings);
}

async function writeAll(
  core: StorePort,
  operation: string,
  entries: readonly WriteEntry[],
  settings: BatchWriteSettings,
): Promise<unknown> {
  const concurrency = concurrencyOf(settings.concurrency);
  const table = core.table();
  const names = keyNames(core.schema);
  const request = (part: readonly WriteEntry[]): BatchWriteItemCommandInput => ({
    RequestItems: { [table.name]: part.map((entry) => entry.request) },
  });
  const indexes = indexesOfSchema(core.schema);
  if (settings.return === "request") return withEstimate("batchWriteItem", request(entries), indexes);
  const chunks = chunk(entries, MAX_WRITES);
  if (settings.return === "requests") return chunks.map((part) => withEstimate("batchWriteItem", request(part), indexes));

  const outcomes: ChunkOutcome<WriteEntry>[] = [];
  const unsent = new Set(chunks);
  const meter = meterFor(settings, table);
  const progress = progressFor(settings.onProgress, entries.length);
  // With hooks: the output of the request that wrote each entry, for its post hooks.
  const written = entries[0]?.call !== undefined ? new Map<WriteEntry, BatchWriteItemCommandOutput>() : undefined;
  if (entries.length > 0) {
    await table.ready();
    const clock = new RetryClock(resolveRetry(settings.retry));
    try {
      await runBounded(chunks, concurrency, async (part) => {
        unsent.delete(part);
        let left: readonly WriteEntry[] = part;
        try {
          outcomes.push(
            await sendUntilDone(
              part,
              clock,
              async (pending) => {
                const output = await sendMetered(table, "batchWriteItem", request(pending), meter);
                progress?.retried(sdkRetries(output));
                const unprocessed = new Set(
                  (output.UnprocessedItems?.[table.name] ?? []).map((write) =>
                    keyId(write.PutRequest?.Item ?? write.DeleteRequest?.Key ?? {}, names),
                  ),
                );
                left = pending.filter((entry) => unprocessed.has(entry.id));
                if (written) for (const entry of pending) if (!unprocessed.has(entry.id)) written.set(entry, output);
                return left;
              },
              progress,
            ),
          );
        } catch (error) {
          outcomes.push({ left, error });
          throw error;
        }
      });
    } catch (error) {
      // DynamoDB's own error (e.g. ValidationException) goes through with its name, as in Dynamoose; it carries
      // what was not written.
      const unprocessed = [...outcomes.flatMap((outcome) => outcome.left), ...[...unsent].flat()].map((entry) => entry.reported);
      throw withUnprocessed(error, unprocessed);
    }
  }
  const left = outcomes.flatMap((outcome) => outcome.left);
  const unprocessedItems = left.map((entry) => entry.reported);
  if (left.length > 0 && settings.unprocessed === "throw") {
    const cause = outcomes.find((outcome) => outcome.error !== undefined)?.error;
    throw new BatchIncomplete(
      `${core.name}.${operation}: ${left.length} of ${entries.length} writes were not made within the retry budget.`,
      {
        unprocessed: unprocessedItems,
        cause,
      },
    );
  }
  const result = { unprocessedItems };
  const delivered = meter ? meter.deliver(result, table.name) : result;
  if (written) await postWritten(entries, written);
  return delivered;
}

/** Runs the post hooks of the entries written, in the order of the batch; an entry left unprocessed runs none. */
async function postWritten(entries: readonly WriteEntry[], written: ReadonlyMap<WriteEntry, BatchWriteItemCommandOutput>): Promise<void> {
  for (const entry of entries) {
    const output = written.get(entry);
    if (output && entry.call) await entry.call.post(entry.call.context.event === "save" ? entry.reported : undefined, output);
  }
}

/** Adds `unprocessed` (the items or keys not written) to an error that stopped a batch, keeping its class and name. */
function withUnprocessed(error: unknown, unprocessed: readonly unknown[]): unknown {
  if (typeof error === "object" && error !== null && Object.isExtensible(error)) {
    Object.defineProperty(error, "unprocessed", { value: unprocessed, enumerable: false, configurable: true, writable: true });
  }
  return error;
}
