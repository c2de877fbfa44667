/**
 * DynamoDB-Toolbox v2's side of the DynamoDB Local workloads, written the way its docs show: entity commands
 * (`PutItemCommand`, `GetItemCommand`, `UpdateItemCommand`), table commands (`QueryCommand`, `ScanCommand`,
 * `BatchWriteCommand` of `BatchPutRequest`s) and transactions (`PutTransaction`, `UpdateTransaction`,
 * `ConditionCheck`), each `.send()`/`execute(…)`d.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { BatchPutRequest } from "dynamodb-toolbox/entity/actions/batchPut";
import { GetItemCommand } from "dynamodb-toolbox/entity/actions/get";
import { PutItemCommand } from "dynamodb-toolbox/entity/actions/put";
import { ConditionCheck } from "dynamodb-toolbox/entity/actions/transactCheck";
import { PutTransaction } from "dynamodb-toolbox/entity/actions/transactPut";
import { UpdateTransaction } from "dynamodb-toolbox/entity/actions/transactUpdate";
import { execute as executeTransaction } from "dynamodb-toolbox/entity/actions/transactWrite";
import { $add, UpdateItemCommand } from "dynamodb-toolbox/entity/actions/update";
import { BatchWriteCommand, execute as executeBatch } from "dynamodb-toolbox/table/actions/batchWrite";
import { QueryCommand } from "dynamodb-toolbox/table/actions/query";
import { ScanCommand } from "dynamodb-toolbox/table/actions/scan";
import { PARTITIONS, TEAMS, userInput } from "../fixtures.js";
import {
  BATCH,
  BULK_TRANSACTIONS,
  type BulkOperations,
  CONCURRENCY,
  MIN_AGE,
  type Operations,
  SCAN_PAGE,
  accountIds,
  chunks,
  seededId,
  tables,
} from "../lib/io-operations.js";
import { pool } from "../lib/timing.js";
import { type ToolboxUser, toolboxPartitionUser, toolboxUser } from "../peers/toolbox-user.js";

const input = (n: number, id: string) => ({ ...userInput(n), id });
const notThere = { condition: { attr: "id", exists: false } } as const;
/** The 3 filters of the query workloads. */
const filters = (min: number) => ({
  and: [{ attr: "age" as const, gte: min }, { attr: "tags" as const, contains: "member" }, { attr: "balance" as const, gte: 0 }],
});
/** What correct code does: re-send what DynamoDB left unprocessed (DynamoDB Local never leaves any). */
const RETRIES = { maxAttempts: 5 };

/** One BatchWriteItem of puts of `items`. */
function batch({ table, entity }: ToolboxUser, items: readonly ReturnType<typeof input>[]) {
  return executeBatch(RETRIES, table.build(BatchWriteCommand).requests(...items.map((item) => entity.build(BatchPutRequest).item(item))));
}

/** The 4 actions of a transaction: 2 conditional puts, then an update of `a` and `last(b)`. */
function transaction({ entity }: ToolboxUser, ids: readonly [string, string], n: number, [a, b]: readonly [string, string], check: boolean) {
  const put = (k: number, id: string) => entity.build(PutTransaction).item(input(n + k, id)).options(notThere);
  const addOne = (id: string) => entity.build(UpdateTransaction).item({ id, balance: $add(1) });
  return executeTransaction(
    put(0, ids[0]),
    put(1, ids[1]),
    addOne(a),
    check ? entity.build(ConditionCheck).key({ id: b }).condition({ attr: "balance", gte: 0 }) : addOne(b),
  );
}

/** DynamoDB-Toolbox's single-request operations on its read and write tables. */
export function toolboxOperations(documentClient: DynamoDBDocumentClient): Operations {
  const { read, write } = tables("toolbox");
  const Read = toolboxUser(documentClient, read);
  const Write = toolboxUser(documentClient, write);
  return {
    put: (id, n) => Write.entity.build(PutItemCommand).item(input(n, id)).options(notThere).send(),
    get: (i) => Read.entity.build(GetItemCommand).key({ id: seededId(i) }).send(),
    update: (i) =>
      Write.entity
        .build(UpdateItemCommand)
        .item({ id: seededId(i), name: `Renamed ${i}`, balance: $add(1) })
        .options({ condition: { attr: "age", gte: 18 }, returnValues: "ALL_NEW" })
        .send(),
    query: (i) =>
      Read.table
        .build(QueryCommand)
        .entities(Read.entity)
        .query({ index: "team-index", partition: `t${i % TEAMS}` })
        .options({ filters: { User: filters(18) } })
        .send(),
    scan: () =>
      Read.table
        .build(ScanCommand)
        .entities(Read.entity)
        .options({ filters: { User: { attr: "age", gte: 18 } } })
        .send(),
    batchPut: (ids, first) =>
      batch(
        Write,
        ids.map((id, k) => input(first + k, id)),
      ),
    transaction: (accounts, i) => {
      const now = Date.now();
      return transaction(Write, [`tx-${i}-a-${now}`, `tx-${i}-b-${now}`], i, accounts, true);
    },
  };
}

/** DynamoDB-Toolbox's bulk jobs: batches are split by hand (one `BatchWriteCommand` is one request); scans page with `maxPages`. */
export function toolboxBulk(documentClient: DynamoDBDocumentClient): BulkOperations {
  const { write, part } = tables("toolbox");
  const Part = toolboxPartitionUser(documentClient, part);
  const Write = toolboxUser(documentClient, write);
  return {
    query200: async () => {
      const items: unknown[] = [];
      await pool(PARTITIONS, CONCURRENCY, async (p) => {
        const { Items = [] } = await Part.table
          .build(QueryCommand)
          .entities(Part.entity)
          .query({ partition: `p${p}` })
          .options({ filters: { User: filters(MIN_AGE) } })
          .send();
        items.push(...Items);
      });
      return items;
    },
    scanPaged: async () =>
      (await Part.table.build(ScanCommand).entities(Part.entity).options({ limit: SCAN_PAGE, maxPages: Number.POSITIVE_INFINITY }).send()).Items ?? [],
    batchPut2000: async (ids, first) => {
      const parts = chunks(
        ids.map((id, k) => input(first + k, id)),
        BATCH,
      );
      await pool(parts.length, CONCURRENCY, (c) => batch(Write, parts[c] ?? []));
    },
    transactions100: (seq) =>
      pool(BULK_TRANSACTIONS, CONCURRENCY, (t) => transaction(Write, [`txb-${seq}-${t}-a`, `txb-${seq}-${t}-b`], t, accountIds(t), false)),
  };
}
