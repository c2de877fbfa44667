/**
 * The raw SDK and dynamodel set up for one bulk job on a running DynamoDB Local (for the profiling and A/B tools).
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { odmBulk } from "../io/odm.js";
import { rawBulk } from "../io/raw.js";
import { type BulkName, type BulkOperations, tables } from "./io-operations.js";
import { dynamodel, dynamodelPartitionUser, dynamodelUser } from "./contenders.js";
import { createPartitionTable, createUserTable, localClientConfig } from "./local-tables.js";

/** Both contenders' bulk operations, and `run(ops)`: one job of `job` (fresh ids for the writing jobs). */
export interface BulkPair {
  readonly contenders: Record<"raw" | "dynamodel", BulkOperations>;
  run(ops: BulkOperations): Promise<unknown>;
}

/** Creates and seeds both contenders' tables; with `swap`, each contender then reads the other's tables. */
export async function bulkPair(endpoint: string, job: BulkName, swap = false): Promise<BulkPair> {
  for (const name of ["raw", "dynamodel"] as const) {
    await createUserTable(endpoint, tables(name).write);
    await createPartitionTable(endpoint, tables(name).part);
  }
  dynamodel.aws.ddb.set(new DynamoDB(localClientConfig(endpoint)));
  const dynamodelTables = tables(swap ? "raw" : "dynamodel");
  const contenders = {
    raw: rawBulk(endpoint, swap ? "dynamodel" : "raw"),
    dynamodel: odmBulk("dynamodel", dynamodel, dynamodelPartitionUser(dynamodelTables.part), dynamodelUser(dynamodelTables.write)),
  };
  let seq = 0;
  const run = (ops: BulkOperations): Promise<unknown> => {
    const s = seq++;
    if (job === "batchPut2000") return ops.batchPut2000(Array.from({ length: 2000 }, (_, k) => `job-${s}-${k}`), s * 2000);
    if (job === "transactions100") return ops.transactions100(s);
    return ops[job]();
  };
  return { contenders, run };
}
