/**
 * Capacity estimates from item sizes, for `{return: "request"}` results and `explain()`: DynamoDB's arithmetic (a
 * write unit per started 1 KB of item, a read unit per started 4 KB, eventually consistent reads at half,
 * transactions at double) applied to what the request carries.
 *
 * @module
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CapacityEstimate, Estimated } from "../aws/capacity.js";
import type { DataOperation, Operations } from "../aws/client.js";
import type { AttributeMap } from "../schema/plan.js";
import type { IndexSpec, Schema } from "../schema/schema.js";
import { itemSize } from "./item-size.js";

const KB = 1024;
const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / KB));
const readUnit = (consistent: boolean | undefined): number => (consistent ? 1 : 0.5);
const size = (map: Record<string, AttributeValue> | undefined): number => (map ? itemSize(map as AttributeMap) : 0);

/** The secondary indexes of a table by name (a put is written again to each index that holds its item). */
export type IndexesOf = (table: string | undefined) => readonly IndexSpec[];
const noIndexes: IndexesOf = () => [];

interface WriteBody {
  readonly TableName?: string;
  readonly Item?: Record<string, AttributeValue>;
  readonly Key?: Record<string, AttributeValue>;
  readonly ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/**
 * The write units of a put's item in one index: none when the item lacks the index's keys; a projection of keys (and
 * named attributes) counts those (the table's key, a few bytes more, is left out).
 */
function indexWrite(item: Record<string, AttributeValue>, index: IndexSpec): number {
  if (item[index.hashKey] === undefined || (index.rangeKey !== undefined && item[index.rangeKey] === undefined)) return 0;
  if (index.project === true) return writeUnits(size(item));
  const names = new Set([index.hashKey, ...(index.rangeKey === undefined ? [] : [index.rangeKey])]);
  if (Array.isArray(index.project)) for (const name of index.project) names.add(name);
  const projected: Record<string, AttributeValue> = {};
  for (const name of names) if (item[name] !== undefined) projected[name] = item[name];
  return writeUnits(size(projected));
}

/**
 * The write units of one put (its item, in the table and each index holding it), or of one update, delete or
 * condition check (its key and values: a lower bound, the stored item is unknown).
 */
function writeOf(body: WriteBody, indexesOf: IndexesOf, tableName = body.TableName): number {
  if (!body.Item) return writeUnits(size(body.Key) + size(body.ExpressionAttributeValues));
  let units = writeUnits(size(body.Item));
  for (const index of indexesOf(tableName)) units += indexWrite(body.Item, index);
  return units;
}

type Estimator<K extends DataOperation> = (input: Operations[K][0], indexesOf: IndexesOf) => [read: number, write: number];

const estimators: { [K in DataOperation]: Estimator<K> } = {
  getItem: (input) => [readUnit(input.ConsistentRead), 0],
  putItem: (input, indexesOf) => [0, writeOf(input, indexesOf)],
  updateItem: (input, indexesOf) => [0, writeOf(input, indexesOf)],
  deleteItem: (input, indexesOf) => [0, writeOf(input, indexesOf)],
  query: (input) => [readUnit(input.ConsistentRead), 0],
  scan: (input) => [readUnit(input.ConsistentRead), 0],
  batchGetItem: (input) => {
    let read = 0;
    for (const spec of Object.values(input.RequestItems ?? {})) read += (spec.Keys?.length ?? 0) * readUnit(spec.ConsistentRead);
    return [read, 0];
  },
  batchWriteItem: (input, indexesOf) => {
    let write = 0;
    for (const [table, writes] of Object.entries(input.RequestItems ?? {}))
      for (const request of writes) write += writeOf(request.PutRequest ?? request.DeleteRequest ?? {}, indexesOf, table);
    return [0, write];
  },
  transactGetItems: (input) => [2 * (input.TransactItems?.length ?? 0), 0],
  transactWriteItems: (input, indexesOf) => {
    let write = 0;
    for (const action of input.TransactItems ?? [])
      write += 2 * writeOf(action.Put ?? action.Update ?? action.Delete ?? action.ConditionCheck ?? {}, indexesOf);
    return [0, write];
  },
};

/**
 * The capacity `input` is expected to consume when sent as `operation` (a put counts once more for each secondary
 * index of `indexesOf` that holds its item).
 *
 * @example
 * ```ts
 * estimateCapacity("getItem", { TableName: "User", Key: { id: { S: "u1" } } }); // { readCapacityUnits: 0.5, writeCapacityUnits: 0 }
 * ```
 */
export function estimateCapacity<K extends DataOperation>(
  operation: K,
  input: Operations[K][0],
  indexesOf: IndexesOf = noIndexes,
): CapacityEstimate {
  const [read, write] = (estimators[operation] as Estimator<K>)(input, indexesOf);
  return { readCapacityUnits: read, writeCapacityUnits: write };
}

/** The prototypes of {@link withEstimate}, per `indexesOf` and operation (one `indexesOf` per schema: see {@link indexesOfSchema}). */
const estimatePrototypes = new WeakMap<IndexesOf, Map<DataOperation, object>>();

function estimatePrototype(operation: DataOperation, indexesOf: IndexesOf): object {
  let byOperation = estimatePrototypes.get(indexesOf);
  if (byOperation === undefined) estimatePrototypes.set(indexesOf, (byOperation = new Map()));
  let prototype = byOperation.get(operation);
  if (prototype === undefined) {
    prototype = Object.defineProperty({}, "estimatedCapacity", {
      get(this: Operations[DataOperation][0]): CapacityEstimate {
        return estimateCapacity(operation, this, indexesOf);
      },
      enumerable: false,
      configurable: true,
    });
    byOperation.set(operation, prototype);
  }
  return prototype;
}

const schemaIndexes = new WeakMap<Schema, IndexesOf>();
/** The one `indexesOf` of a schema's table (stable, so its requests share their estimate prototypes). @internal */
export function indexesOfSchema(schema: Schema): IndexesOf {
  let indexesOf = schemaIndexes.get(schema);
  if (indexesOf === undefined) schemaIndexes.set(schema, (indexesOf = () => schema.indexes()));
  return indexesOf;
}

/**
 * `request` with its estimate as a lazily computed `estimatedCapacity`, inherited from a prototype shared by every
 * request of `operation` with the same `indexesOf` (its own keys, and so what is sent and what deep equality sees,
 * are unchanged; nothing is computed unless it is read). Not an own property: defining one per request cost up to
 * ≈3 µs and made `create`/`update` with `return: "request"` ≈40% slower; a prototype switch costs ≈50 ns. @internal
 */
export function withEstimate<K extends DataOperation, R extends Operations[K][0]>(
  operation: K,
  request: R,
  indexesOf: IndexesOf = noIndexes,
): Estimated<R> {
  Object.setPrototypeOf(request, estimatePrototype(operation, indexesOf));
  return request as Estimated<R>;
}
