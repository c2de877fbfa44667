/**
 * The DynamoDB operations dynamodel sends, and how they reach whatever client was set: the SDK's aggregated
 * `DynamoDB` client (lowercase methods, as Dynamoose requires), a bare `DynamoDBClient` (`send(command)`), or
 * any object with the lowercase methods (for recording or faking in tests).
 *
 * @module
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TagResourceCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UntagResourceCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type {
  BatchGetItemCommandInput,
  BatchGetItemCommandOutput,
  BatchWriteItemCommandInput,
  BatchWriteItemCommandOutput,
  CreateTableCommandInput,
  CreateTableCommandOutput,
  DeleteItemCommandInput,
  DeleteItemCommandOutput,
  DeleteTableCommandInput,
  DeleteTableCommandOutput,
  DescribeTableCommandInput,
  DescribeTableCommandOutput,
  DescribeTimeToLiveCommandInput,
  DescribeTimeToLiveCommandOutput,
  GetItemCommandInput,
  GetItemCommandOutput,
  ListTagsOfResourceCommandInput,
  ListTagsOfResourceCommandOutput,
  PutItemCommandInput,
  PutItemCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
  TagResourceCommandInput,
  TagResourceCommandOutput,
  TransactGetItemsCommandInput,
  TransactGetItemsCommandOutput,
  TransactWriteItemsCommandInput,
  TransactWriteItemsCommandOutput,
  UntagResourceCommandInput,
  UntagResourceCommandOutput,
  UpdateItemCommandInput,
  UpdateItemCommandOutput,
  UpdateTableCommandInput,
  UpdateTableCommandOutput,
  UpdateTimeToLiveCommandInput,
  UpdateTimeToLiveCommandOutput,
} from "@aws-sdk/client-dynamodb";

import { emit, loggingEnabled } from "../logger/logger.js";
import { traced, tracingOff } from "./tracing.js";

/** Input and output of every operation dynamodel uses, by Dynamoose's method name. */
export interface Operations {
  getItem: [GetItemCommandInput, GetItemCommandOutput];
  putItem: [PutItemCommandInput, PutItemCommandOutput];
  updateItem: [UpdateItemCommandInput, UpdateItemCommandOutput];
  deleteItem: [DeleteItemCommandInput, DeleteItemCommandOutput];
  batchGetItem: [BatchGetItemCommandInput, BatchGetItemCommandOutput];
  batchWriteItem: [BatchWriteItemCommandInput, BatchWriteItemCommandOutput];
  query: [QueryCommandInput, QueryCommandOutput];
  scan: [ScanCommandInput, ScanCommandOutput];
  transactGetItems: [TransactGetItemsCommandInput, TransactGetItemsCommandOutput];
  transactWriteItems: [TransactWriteItemsCommandInput, TransactWriteItemsCommandOutput];
  describeTable: [DescribeTableCommandInput, DescribeTableCommandOutput];
  createTable: [CreateTableCommandInput, CreateTableCommandOutput];
  updateTable: [UpdateTableCommandInput, UpdateTableCommandOutput];
  deleteTable: [DeleteTableCommandInput, DeleteTableCommandOutput];
  describeTimeToLive: [DescribeTimeToLiveCommandInput, DescribeTimeToLiveCommandOutput];
  updateTimeToLive: [UpdateTimeToLiveCommandInput, UpdateTimeToLiveCommandOutput];
  listTagsOfResource: [ListTagsOfResourceCommandInput, ListTagsOfResourceCommandOutput];
  tagResource: [TagResourceCommandInput, TagResourceCommandOutput];
  untagResource: [UntagResourceCommandInput, UntagResourceCommandOutput];
}

/** An operation name. */
export type Operation = keyof Operations;

/** The operations that take `ReturnConsumedCapacity` (the data plane). */
export type DataOperation =
  | "getItem"
  | "putItem"
  | "updateItem"
  | "deleteItem"
  | "batchGetItem"
  | "batchWriteItem"
  | "query"
  | "scan"
  | "transactGetItems"
  | "transactWriteItems";

/** A client with Dynamoose's lowercase methods (each may be partial: only what is used must exist). */
export type DynamoDBLike = { [K in Operation]?: (input: Operations[K][0]) => Promise<Operations[K][1]> };

/** A client with `send(command)`, like the SDK's `DynamoDBClient`. */
export interface SendingClient {
  /** Sends one SDK command (`new GetItemCommand(...)`) and resolves its output. */
  send(command: unknown): Promise<unknown>;
}

/** Anything `aws.ddb.set()` accepts. */
export type AnyDynamoDBClient = DynamoDBLike | SendingClient;

type CommandClass = new (input: never) => unknown;
const commands: Record<Operation, CommandClass> = {
  getItem: GetItemCommand,
  putItem: PutItemCommand,
  updateItem: UpdateItemCommand,
  deleteItem: DeleteItemCommand,
  batchGetItem: BatchGetItemCommand,
  batchWriteItem: BatchWriteItemCommand,
  query: QueryCommand,
  scan: ScanCommand,
  transactGetItems: TransactGetItemsCommand,
  transactWriteItems: TransactWriteItemsCommand,
  describeTable: DescribeTableCommand,
  createTable: CreateTableCommand,
  updateTable: UpdateTableCommand,
  deleteTable: DeleteTableCommand,
  describeTimeToLive: DescribeTimeToLiveCommand,
  updateTimeToLive: UpdateTimeToLiveCommand,
  listTagsOfResource: ListTagsOfResourceCommand,
  tagResource: TagResourceCommand,
  untagResource: UntagResourceCommand,
};

/**
 * Sends one operation through a client of any accepted shape, logging it when a logger provider is set, in a span
 * when OpenTelemetry is installed and a tracer provider registered (see `tracing.ts`). @internal
 */
export function sendOperation<K extends Operation>(
  client: AnyDynamoDBClient,
  operation: K,
  input: Operations[K][0],
): Promise<Operations[K][1]> {
  if (tracingOff()) return sendLogged(client, operation, input);
  return traced(operation, input, () => sendLogged(client, operation, input));
}

function sendLogged<K extends Operation>(client: AnyDynamoDBClient, operation: K, input: Operations[K][0]): Promise<Operations[K][1]> {
  if (!loggingEnabled()) return sendRaw(client, operation, input);
  emit("debug", `aws:dynamodb:${operation}:request`, JSON.stringify(input, null, 4), { request: input });
  return sendRaw(client, operation, input).then((response) => {
    emit("debug", `aws:dynamodb:${operation}:response`, JSON.stringify(response, null, 4), { response });
    return response;
  });
}

function sendRaw<K extends Operation>(client: AnyDynamoDBClient, operation: K, input: Operations[K][0]): Promise<Operations[K][1]> {
  const method = (client as DynamoDBLike)[operation] as ((input: Operations[K][0]) => Promise<Operations[K][1]>) | undefined;
  if (typeof method === "function") return method.call(client, input);
  if (typeof (client as SendingClient).send === "function") {
    const Command = commands[operation];
    return (client as SendingClient).send(new Command(input as never)) as Promise<Operations[K][1]>;
  }
  return Promise.reject(new TypeError(`The DynamoDB client set with aws.ddb.set() has no ${operation} method and no send method.`));
}
