/**
 * A fault-injecting proxy in front of DynamoDB Local (which never throttles, never leaves items unprocessed and
 * never cancels a transaction for a conflict). Each test scripts faults per operation (the `X-Amz-Target` header:
 * `"BatchWriteItem"`, `"TransactWriteItems"`…); every request is logged, so tests assert how many were sent.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy(endpoint());
 * proxy.script("BatchGetItem", [{ kind: "throttle" }, { kind: "throttle" }]); // two throttles, then pass through
 * proxy.script("BatchWriteItem", () => ({ kind: "unprocessed", fraction: 0.3 })); // on every request
 * expect(proxy.count("BatchGetItem")).toBe(3);
 * ```
 */
import { type IncomingMessage, type ServerResponse, createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

/** A DynamoDB JSON item or key. */
type JsonMap = Record<string, Record<string, unknown>>;

/** One write of a BatchWriteItem, as JSON. */
interface JsonWrite {
  PutRequest?: { Item: JsonMap };
  DeleteRequest?: { Key: JsonMap };
}

/** A transaction cancellation reason, as DynamoDB sends it. */
export interface JsonReason {
  Code: string;
  Message?: string;
  Item?: JsonMap;
}

/** What to do with one request. */
export type Fault =
  /** Forward it untouched. */
  | { readonly kind: "pass" }
  /** Answer 400 ProvisionedThroughputExceededException without forwarding. */
  | { readonly kind: "throttle" }
  /** Answer 500 InternalServerError without forwarding. */
  | { readonly kind: "error500" }
  /** Destroy the connection before forwarding (nothing reaches DynamoDB). */
  | { readonly kind: "reset-before" }
  /** Forward, then destroy the connection instead of answering (the request took effect). */
  | { readonly kind: "reset-after" }
  /**
   * Batches: forward only some writes/keys and report the others unprocessed. `fraction` leaves
   * `floor(n · fraction)` of them (a deterministic choice); `pick` chooses exactly which (true = unprocessed).
   */
  | { readonly kind: "unprocessed"; readonly fraction?: number; readonly pick?: (entry: JsonMap, index: number) => boolean }
  /** Transactions: answer TransactionCanceledException with these reasons, without forwarding. */
  | { readonly kind: "cancel"; readonly reasons: readonly JsonReason[] };

/** Decides the fault of a request from its body and its number (1-based) among requests of that operation. */
export type FaultScript = readonly Fault[] | ((body: Record<string, unknown>, n: number) => Fault | undefined);

/** One logged request. */
export interface LoggedRequest {
  readonly operation: string;
  readonly body: Record<string, unknown>;
  readonly fault: Fault["kind"];
}

/** A running proxy. */
export interface FaultProxy {
  /** The endpoint to give the SDK client. */
  readonly endpoint: string;
  /** Every request received, in order. */
  readonly log: readonly LoggedRequest[];
  /** Scripts faults for an operation: a list (one fault per request, then pass) or a function (every request). */
  script(operation: string, script: FaultScript): void;
  /** Requests received for an operation (all when omitted). */
  count(operation?: string): number;
  /** Forgets scripts and the log. */
  reset(): void;
  close(): Promise<void>;
}

const ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => resolve(Buffer.concat(parts)));
    request.on("error", reject);
  });
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/x-amz-json-1.0", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** Chooses `floor(n · fraction)` indexes, spread evenly and deterministically. */
function spreadPick(count: number, fraction: number): Set<number> {
  const wanted = Math.floor(count * fraction);
  const picked = new Set<number>();
  for (let i = 0; i < wanted; i++) picked.add(Math.floor((i * count) / wanted));
  return picked;
}

function splitEntries<T>(entries: readonly T[], fault: Extract<Fault, { kind: "unprocessed" }>, mapOf: (entry: T) => JsonMap): [T[], T[]] {
  const spread = spreadPick(entries.length, fault.fraction ?? 0);
  const keep: T[] = [];
  const leave: T[] = [];
  entries.forEach((entry, index) => {
    const left = fault.pick ? fault.pick(mapOf(entry), index) : spread.has(index);
    (left ? leave : keep).push(entry);
  });
  return [keep, leave];
}

/** Starts a proxy on 127.0.0.1 (a free port) in front of `target` (DynamoDB Local's endpoint). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const scripts = new Map<string, { script: FaultScript; seen: number }>();
  const log: LoggedRequest[] = [];

  const forward = (incoming: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers[name] = value;
      headers["content-length"] = String(body.length);
      headers.host = upstream.host;
      const outgoing = httpRequest(
        { host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers },
        (reply) => {
          readBody(reply).then((data) => {
            const replyHeaders: Record<string, string> = {};
            for (const [name, value] of Object.entries(reply.headers)) if (typeof value === "string") replyHeaders[name] = value;
            resolve({ status: reply.statusCode ?? 500, headers: replyHeaders, body: data });
          }, reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const raw = await readBody(request);
    const operation =
      String(request.headers["x-amz-target"] ?? "")
        .split(".")
        .pop() ?? "";
    const body = raw.length > 0 ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : {};
    const entry = scripts.get(operation);
    let fault: Fault = { kind: "pass" };
    if (entry) {
      entry.seen++;
      const chosen = typeof entry.script === "function" ? entry.script(body, entry.seen) : entry.script[entry.seen - 1];
      if (chosen) fault = chosen;
    }
    log.push({ operation, body, fault: fault.kind });

    switch (fault.kind) {
      case "throttle":
        return answer(response, 400, { __type: `${ERROR_PREFIX}ProvisionedThroughputExceededException`, message: "Injected throttle" });
      case "error500":
        return answer(response, 500, { __type: `${ERROR_PREFIX}InternalServerError`, message: "Injected server error" });
      case "reset-before":
        request.socket.destroy();
        return;
      case "reset-after":
        await forward(request, raw);
        request.socket.destroy();
        return;
      case "cancel":
        return answer(response, 400, {
          __type: `${ERROR_PREFIX}TransactionCanceledException`,
          Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${fault.reasons.map((r) => r.Code).join(", ")}]`,
          CancellationReasons: fault.reasons,
        });
      case "unprocessed":
        return unprocessed(request, response, operation, body, fault);
      default: {
        const reply = await forward(request, raw);
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      }
    }
  };

  const unprocessed = async (
    request: IncomingMessage,
    response: ServerResponse,
    operation: string,
    body: Record<string, unknown>,
    fault: Extract<Fault, { kind: "unprocessed" }>,
  ): Promise<void> => {
    if (operation === "BatchWriteItem") {
      const items = body.RequestItems as Record<string, JsonWrite[]>;
      const kept: Record<string, JsonWrite[]> = {};
      const left: Record<string, JsonWrite[]> = {};
      for (const [table, writes] of Object.entries(items)) {
        const [keep, leave] = splitEntries(writes, fault, (write) => write.PutRequest?.Item ?? write.DeleteRequest?.Key ?? {});
        if (keep.length > 0) kept[table] = keep;
        if (leave.length > 0) left[table] = leave;
      }
      // What DynamoDB reports consumed for the forwarded part is passed on, as DynamoDB reports it for a partial batch.
      const reply = Object.keys(kept).length > 0 ? await forwardJson(request, { ...body, RequestItems: kept }) : {};
      return answer(response, 200, {
        UnprocessedItems: left,
        ...(reply.ConsumedCapacity ? { ConsumedCapacity: reply.ConsumedCapacity } : {}),
      });
    }
    if (operation === "BatchGetItem") {
      const items = body.RequestItems as Record<string, { Keys: JsonMap[] } & Record<string, unknown>>;
      const kept: typeof items = {};
      const left: typeof items = {};
      for (const [table, spec] of Object.entries(items)) {
        const [keep, leave] = splitEntries(spec.Keys, fault, (key) => key);
        if (keep.length > 0) kept[table] = { ...spec, Keys: keep };
        if (leave.length > 0) left[table] = { ...spec, Keys: leave };
      }
      const reply = Object.keys(kept).length > 0 ? await forwardJson(request, { ...body, RequestItems: kept }) : {};
      const responses = (reply.Responses as Record<string, unknown>) ?? {};
      return answer(response, 200, {
        Responses: responses,
        UnprocessedKeys: left,
        ...(reply.ConsumedCapacity ? { ConsumedCapacity: reply.ConsumedCapacity } : {}),
      });
    }
    throw new Error(`The unprocessed fault applies to batches, not ${operation}.`);
  };

  const forwardJson = async (request: IncomingMessage, body: unknown): Promise<Record<string, unknown>> => {
    const reply = await forward(request, Buffer.from(JSON.stringify(body)));
    const parsed = JSON.parse(reply.body.toString("utf8")) as Record<string, unknown>;
    if (reply.status !== 200) throw new Error(`DynamoDB Local refused a forwarded request: ${reply.body.toString("utf8")}`);
    return parsed;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) answer(response, 500, { __type: `${ERROR_PREFIX}InternalServerError`, message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    log,
    script(operation, script) {
      scripts.set(operation, { script, seen: 0 });
    },
    count(operation) {
      return operation === undefined ? log.length : log.filter((entry) => entry.operation === operation).length;
    },
    reset() {
      scripts.clear();
      log.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
