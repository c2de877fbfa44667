/**
 * Before a DynamoDB Local workload is timed, each contender's operation is checked against the raw SDK's: reads
 * must return the same items (same count, same ids, same fields), writes must store the same item (read back with
 * the raw SDK). A contender that does less or something else is left out of the row with a "wrong result" note,
 * so that none is fast because it does less.
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { rawUser } from "../fixtures.js";
import { type BulkName, type BulkOperations, type OperationName, type Operations, seededId, tables } from "./io-operations.js";
import { localClientConfig } from "./local-tables.js";
import { extras, readItems, sameItems } from "./compare-items.js";
import type { ContenderName } from "./report.js";

/** Checks one contender's operations against the raw SDK's, on DynamoDB Local. */
export function verifier(endpoint: string) {
  const doc = DynamoDBDocumentClient.from(new DynamoDB(localClientConfig(endpoint)));
  const stored = async (table: string, key: Record<string, string>) =>
    ((await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item ?? {}) as Record<string, unknown>;
  const expect = (n: number, id: string, team?: string) => ({ ...rawUser(n), id, ...(team ? { team } : {}) }) as Record<string, unknown>;

  /** `null` when `name`'s `op` does what raw's does; else why not. `notes` gets what it stores beyond the User. */
  async function operation(name: ContenderName, op: OperationName, ops: Operations, raw: Operations, notes: string[]): Promise<string | null> {
    const { write } = tables(name);
    switch (op) {
      case "get":
      case "query":
      case "scan": {
        const i = 5;
        return sameItems(readItems(await raw[op](i)), readItems(await ops[op](i)));
      }
      case "put": {
        const id = `verify-${name}-put`;
        await ops.put(id, 7);
        const item = await stored(write, { id });
        const extra = extras(item);
        if (extra.names.length > 0) notes.push(`${name} also stores ${extra.names.join(", ")} (+${extra.bytes} bytes per item)`);
        return sameItems([expect(7, id)], [item], true);
      }
      case "batchPut": {
        const ids = Array.from({ length: 25 }, (_, k) => `verify-${name}-batch-${k}`);
        await ops.batchPut(ids, 100);
        const items = await Promise.all(ids.map((id) => stored(write, { id })));
        return sameItems(
          ids.map((id, k) => expect(100 + k, id)),
          items,
          true,
        );
      }
      case "update": {
        const i = 3;
        const key = { id: seededId(i) };
        const before = await stored(write, key);
        await ops.update(i);
        const after = await stored(write, key);
        const wanted = { ...before, name: `Renamed ${i}`, balance: Number(before.balance) + 1 };
        if (!(Number(after.updatedAt) > 0)) return "updatedAt not written";
        return sameItems([wanted], [after], true);
      }
      case "transaction": {
        const ids: [string, string] = [seededId(11), seededId(12)];
        const before = await stored(write, { id: ids[0] });
        await ops.transaction(ids, 900_000);
        const after = await stored(write, { id: ids[0] });
        return Number(after.balance) === Number(before.balance) + 1 ? null : "the transaction's update did not add 1 to balance";
      }
    }
  }

  /** `null` when `name`'s bulk job `op` returns (reads) or stores (writes) what raw's does. */
  async function bulk(name: ContenderName, op: BulkName, ops: BulkOperations, raw: BulkOperations): Promise<string | null> {
    switch (op) {
      case "query200":
      case "scanPaged":
        return sameItems((await raw[op]()) as Record<string, unknown>[], readItems(await ops[op]()));
      case "batchPut2000": {
        const ids = Array.from({ length: 2_000 }, (_, k) => `verify-${name}-bulk-${k}`);
        await ops.batchPut2000(ids, 0);
        const sample = [0, 999, 1_999];
        const items = await Promise.all(sample.map((k) => stored(tables(name).write, { id: ids[k] as string })));
        return sameItems(
          sample.map((k) => expect(k, ids[k] as string)),
          items,
          true,
        );
      }
      case "transactions100":
        return null; // the same four actions as the transactions row, checked there
    }
  }

  return { operation, bulk, close: () => doc.destroy() };
}
