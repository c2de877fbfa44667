/**
 * ElectroDB's side of the DynamoDB Local workloads, written the way its docs show: `entity.create(…).go()`,
 * `get`, `update(…).set(…).add(…).where(…)`, `query.<accessPattern>(…).where(…)`, `scan.where(…)`, batch
 * `put([…])` and `service.transaction.write(…)`.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { PARTITIONS, TEAMS, userInput } from "../fixtures.js";
import {
  BULK_TRANSACTIONS,
  type BulkOperations,
  CONCURRENCY,
  MIN_AGE,
  type Operations,
  SCAN_PAGE,
  accountIds,
  seededId,
  tables,
} from "../lib/io-operations.js";
import { pool } from "../lib/timing.js";
import { type ElectroPartitionUser, type ElectroUser, electroPartitionUser, electroService, electroUser } from "../peers/electrodb-user.js";

const input = (n: number, id: string) => ({ ...userInput(n), id, tags: [...userInput(n).tags] });

/** The 3 filters of the query workloads (`age ≥ min`, `tags` contains "member", `balance ≥ 0`). */
const filters =
  (min: number) =>
  (
    { age, tags, balance }: { age: unknown; tags: unknown; balance: unknown },
    { gte, contains }: { gte(a: unknown, v: unknown): string; contains(a: unknown, v: unknown): string },
  ) =>
    `${gte(age, min)} AND ${contains(tags, "member")} AND ${gte(balance, 0)}`;

/** ElectroDB's single-request operations on its read and write tables. */
export function electrodbOperations(client: DynamoDBDocumentClient): Operations {
  const { read, write } = tables("electrodb");
  const Read: ElectroUser = electroUser(client, read);
  const Write: ElectroUser = electroUser(client, write);
  const service = electroService(Write);
  return {
    put: (id, n) => Write.create(input(n, id)).go(),
    get: (i) => Read.get({ id: seededId(i) }).go(),
    update: (i) =>
      Write.update({ id: seededId(i) })
        .set({ name: `Renamed ${i}` })
        .add({ balance: 1 })
        .where(({ age }, { gte }) => gte(age, 18))
        .go({ response: "all_new" }),
    query: (i) =>
      Read.query
        .byTeam({ team: `t${i % TEAMS}` })
        .where(filters(18) as never)
        .go(),
    scan: () =>
      Read.scan.where(({ age }, { gte }) => gte(age, 18)).go(),
    batchPut: async (ids, first) => {
      const { unprocessed } = await Write.put(ids.map((id, k) => input(first + k, id))).go();
      if (unprocessed.length > 0) throw new Error(`${unprocessed.length} unprocessed items`);
    },
    transaction: ([a, b], i) => {
      const now = Date.now();
      return service.transaction
        .write(({ user }) => [
          user.create(input(i, `tx-${i}-a-${now}`)).commit(),
          user.create(input(i + 1, `tx-${i}-b-${now}`)).commit(),
          user.update({ id: a }).add({ balance: 1 }).commit(),
          user
            .check({ id: b })
            .where(({ balance }, { gte }) => gte(balance, 0))
            .commit(),
        ])
        .go();
    },
  };
}

/**
 * ElectroDB's bulk jobs: its batch put splits in 25s and sends `concurrent` at once, but returns the keys of
 * unprocessed items instead of re-sending them (raw, Toolbox and dynamodel re-send); its scan pages with `pages: "all"`.
 */
export function electrodbBulk(client: DynamoDBDocumentClient): BulkOperations {
  const { write, part } = tables("electrodb");
  const Part: ElectroPartitionUser = electroPartitionUser(client, part);
  const Write: ElectroUser = electroUser(client, write);
  const service = electroService(Write);
  return {
    query200: async () => {
      const items: unknown[] = [];
      await pool(PARTITIONS, CONCURRENCY, async (p) => {
        const { data } = await Part.query
          .byTeam({ team: `p${p}` })
          .where(filters(MIN_AGE) as never)
          .go();
        items.push(...data);
      });
      return items;
    },
    scanPaged: async () => (await Part.scan.go({ limit: SCAN_PAGE, pages: "all" })).data,
    batchPut2000: async (ids, first) => {
      // `concurrent`: BatchWriteItem requests in flight (`concurrency`, deprecated, is ignored at run time).
      const { unprocessed } = await Write.put(ids.map((id, k) => input(first + k, id))).go({ concurrent: CONCURRENCY });
      // It hands back the keys of unprocessed items rather than re-sending them (DynamoDB Local never leaves any).
      if (unprocessed.length > 0) throw new Error(`${unprocessed.length} unprocessed items`);
    },
    transactions100: (seq) =>
      pool(BULK_TRANSACTIONS, CONCURRENCY, (t) => {
        const [a, b] = accountIds(t);
        return service.transaction
          .write(({ user }) => [
            user.create(input(t, `txb-${seq}-${t}-a`)).commit(),
            user.create(input(t + 1, `txb-${seq}-${t}-b`)).commit(),
            user.update({ id: a }).add({ balance: 1 }).commit(),
            user.update({ id: b }).add({ balance: 1 }).commit(),
          ])
          .go();
      }),
  };
}
