/**
 * What every contender implements for the DynamoDB Local workloads (`workloads/io.ts`), and the constants and ids
 * they share, so that the raw SDK, the three ODM peers and dynamodel do the same requests on the same data.
 */
import type { ContenderName } from "./report.js";
import { SEEDED } from "./local-tables.js";

/** Requests in flight per operation kind. */
export const CONCURRENCY = 16;
/** Items per BatchWriteItem. */
export const BATCH = 25;
/** Page size of the paged scan (DynamoDB `Limit`): 2,000 items → 20 pages. */
export const SCAN_PAGE = 100;
/** Items of one batchPut job, and transactions of one transactions job. */
export const BULK_ITEMS = 2_000;
export const BULK_TRANSACTIONS = 100;
/** The filter of the 200-partition query keeps users aged 48 and over: half of them (age = 18 + n % 60). */
export const MIN_AGE = 48;

/** One contender's implementation of every I/O operation (`i` is the operation's index in its round). */
export interface Operations {
  put(id: string, n: number): Promise<unknown>;
  get(i: number): Promise<unknown>;
  update(i: number): Promise<unknown>;
  query(i: number): Promise<unknown>;
  scan(i: number): Promise<unknown>;
  batchPut(ids: readonly string[], first: number): Promise<unknown>;
  transaction(ids: readonly [string, string], i: number): Promise<unknown>;
}

export type OperationName = keyof Operations;

/** One contender's implementation of every bulk job; reads resolve to the items they returned. */
export interface BulkOperations {
  query200(): Promise<readonly unknown[]>;
  scanPaged(): Promise<readonly unknown[]>;
  batchPut2000(ids: readonly string[], first: number): Promise<unknown>;
  transactions100(seq: number): Promise<unknown>;
}

export type BulkName = keyof BulkOperations;

/** A contender's tables: the seeded read table, the write table and the partitioned table. */
export const tables = (name: ContenderName) => ({ read: `bench_${name}_read`, write: `bench_${name}_write`, part: `bench_${name}_part` });

/** A seeded id, spread over the table. */
export const seededId = (i: number) => `u${(i * 7) % SEEDED}`;
/** Two seeded ids a transaction updates and checks, never shared by operations in flight together. */
export const accountIds = (i: number): [string, string] => [`u${i % 160}`, `u${160 + (i % 160)}`];

/** `items` in chunks of `size`. */
export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
