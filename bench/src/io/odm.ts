/**
 * Dynamoose's and dynamodel's side of the DynamoDB Local workloads: one implementation, since dynamodel keeps
 * Dynamoose's API.
 */
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
} from "../lib/io-operations.js";
import { pool } from "../lib/timing.js";

/** The query of one team with the 3 filters of the query workloads (`age ≥ min`, `tags` contains "member", `balance ≥ 0`). */
// biome-ignore lint/suspicious/noExplicitAny: either ODM's model
const filteredTeam = (Model: any, team: string, min: number) =>
  Model.query("team").eq(team).where("age").ge(min).and().where("tags").contains("member").and().where("balance").ge(0);

/** Dynamoose and dynamodel share one implementation: same API. */
// biome-ignore lint/suspicious/noExplicitAny: the two ODMs' namespaces and models, used through their common API
export function odmOperations(lib: any, Read: any, Write: any): Operations {
  const input = (n: number, id: string) => ({ ...userInput(n), id });
  return {
    put: (id, n) => Write.create(input(n, id)),
    get: (i) => Read.get({ id: seededId(i) }),
    update: (i) =>
      Write.update(
        { id: seededId(i) },
        { $SET: { name: `Renamed ${i}` }, $ADD: { balance: 1 } },
        { condition: new lib.Condition("age").ge(18) },
      ),
    query: (i) => filteredTeam(Read, `t${i % TEAMS}`, 18).using("team-index").exec(),
    scan: () => Read.scan("age").ge(18).exec(),
    batchPut: (ids, first) => Write.batchPut(ids.map((id, k) => input(first + k, id))),
    transaction: async ([a, b], i) => {
      const now = Date.now();
      const actions = await Promise.all([
        Write.transaction.create(input(i, `tx-${i}-a-${now}`)),
        Write.transaction.create(input(i + 1, `tx-${i}-b-${now}`)),
        Write.transaction.update({ id: a }, { $ADD: { balance: 1 } }),
        Write.transaction.condition({ id: b }, new lib.Condition("balance").ge(0)),
      ]);
      return lib.transaction(actions);
    },
  };
}

/**
 * The ODMs' bulk jobs. Same chains, except where their APIs differ: dynamodel's `limit(n).all()` caps the total
 * (issue #4), so its paged scan iterates `pages()`, and Dynamoose's batchPut sends one BatchWriteItem whatever the
 * count (more than 25 is refused by DynamoDB), so its 2,000 items are split by hand, as its users must.
 */
// biome-ignore lint/suspicious/noExplicitAny: the two ODMs' namespaces and models, used through their common API
export function odmBulk(kind: "dynamoose" | "dynamodel", lib: any, Part: any, Write: any): BulkOperations {
  const input = (n: number, id: string) => ({ ...userInput(n), id });
  return {
    query200: async () => {
      const items: unknown[] = [];
      await pool(PARTITIONS, CONCURRENCY, async (p) => {
        const page = await filteredTeam(Part, `p${p}`, MIN_AGE).exec();
        items.push(...page);
      });
      return items;
    },
    scanPaged: async () => {
      if (kind === "dynamoose") return Part.scan().limit(SCAN_PAGE).all().exec();
      const items: unknown[] = [];
      for await (const page of Part.scan().limit(SCAN_PAGE).pages()) items.push(...page);
      return items;
    },
    batchPut2000: async (ids, first) => {
      const items = ids.map((id, k) => input(first + k, id));
      if (kind === "dynamodel") return Write.batchPut(items, { concurrency: CONCURRENCY });
      const parts = chunks(items, BATCH);
      return pool(parts.length, CONCURRENCY, (c) => Write.batchPut(parts[c]));
    },
    transactions100: (seq) =>
      pool(BULK_TRANSACTIONS, CONCURRENCY, async (t) => {
        const [a, b] = accountIds(t);
        const actions = await Promise.all([
          Write.transaction.create(input(t, `txb-${seq}-${t}-a`)),
          Write.transaction.create(input(t + 1, `txb-${seq}-${t}-b`)),
          Write.transaction.update({ id: a }, { $ADD: { balance: 1 } }),
          Write.transaction.update({ id: b }, { $ADD: { balance: 1 } }),
        ]);
        return lib.transaction(actions);
      }),
  };
}
