/**
 * Test harness: the local stack (DynamoDB Local, tables, local runner on a free port) for one test file, a `call`
 * helper over real HTTP, and raw reads of what DynamoDB holds.
 */
import { after, before } from "node:test";
import dynamodel from "dynamodel";
import { type LocalStack, startLocalStack } from "../local/stack.js";

/** A response: status, headers and the parsed JSON body (`{}` when empty). */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

let stack: LocalStack | undefined;
const sent = new Set<string>();

/** The item-level part each action of a TransactWriteItems needs in IAM. */
const transactActions = { Put: "PutItem", Update: "UpdateItem", Delete: "DeleteItem", ConditionCheck: "ConditionCheckItem" } as const;

interface SentInput {
  readonly TableName?: string;
  readonly IndexName?: string;
  readonly RequestItems?: Record<string, unknown>;
  readonly TransactItems?: Record<string, { TableName: string }>[];
}

/** Records `"<table>[/index/<name>] dynamodb:<Action>"` for every request the app's client sends. */
function recordSentActions(): void {
  const client = dynamodel.aws.ddb() as unknown as {
    middlewareStack: {
      add(
        mw: (
          next: (args: { input: SentInput }) => Promise<unknown>,
          context: { commandName: string },
        ) => (args: { input: SentInput }) => Promise<unknown>,
        options: { step: "initialize" },
      ): void;
    };
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = context.commandName.replace(/Command$/, "");
      const { TableName, IndexName, RequestItems, TransactItems } = args.input;
      if (TableName) sent.add(`${TableName}${IndexName ? `/index/${IndexName}` : ""} dynamodb:${action}`);
      for (const table of Object.keys(RequestItems ?? {})) sent.add(`${table} dynamodb:${action}`);
      for (const item of TransactItems ?? []) {
        for (const [kind, part] of Object.entries(item))
          sent.add(`${part.TableName} dynamodb:${transactActions[kind as keyof typeof transactActions]}`);
      }
      return next(args);
    },
    { step: "initialize" },
  );
}

/** The DynamoDB actions the app sent since the stack started, as `"<table> dynamodb:<Action>"`. */
export const sentActions = (): ReadonlySet<string> => sent;

/** Starts the stack before the file's tests and stops it after them; returns an accessor. */
export function useLocalStack(): () => LocalStack {
  before(async () => {
    stack = await startLocalStack({ port: 0 });
    recordSentActions();
  });
  after(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error("the local stack is not started");
    return stack;
  };
}

/** Sends a request to the local runner; `body` is sent as JSON unless it is a string or a Buffer. */
export async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  if (!stack) throw new Error("the local stack is not started");
  const raw = body === undefined || typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(raw === undefined ? {} : { body: raw as string | Buffer }),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // not JSON: leave `body` empty, the test reads `text`
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** Every item of a table, as stored (raw SDK scan). */
export async function rawItems(table: "CUSTOMERS_TABLE" | "PRODUCTS_TABLE" | "ORDERS_TABLE"): Promise<Record<string, unknown>[]> {
  if (!stack) throw new Error("the local stack is not started");
  const { unmarshall } = await import("@aws-sdk/util-dynamodb");
  const output = await stack.client.scan({ TableName: stack.tables[table], ConsistentRead: true });
  return (output.Items ?? []).map((item) => unmarshall(item));
}

/** A new customer's id. */
export async function newCustomer(name = "Ada"): Promise<string> {
  const reply = await call("POST", "/customers", { name, email: `${name.toLowerCase()}@example.com` });
  if (reply.status !== 201) throw new Error(`customer not created: ${reply.status} ${reply.text}`);
  return String(reply.body.customerId);
}

/** Creates a product. */
export async function newProduct(sku: string, stock: number, tags: string[] = [], priceCents = 500): Promise<void> {
  const reply = await call("POST", "/products", { sku, name: sku, priceCents, stock, tags });
  if (reply.status !== 201) throw new Error(`product not created: ${reply.status} ${reply.text}`);
}
