/**
 * Optional OpenTelemetry tracing: with `@opentelemetry/api` installed (an optional peer dependency), one CLIENT span
 * per DynamoDB request, named and attributed per OpenTelemetry's database and AWS SDK conventions, a child of the
 * caller's active span. Nothing is loaded while no tracer provider is registered (OpenTelemetry's global registry,
 * read without importing the package): then a request costs one property read and is sent at once. Once a provider
 * is registered, the package is looked for once, on the next request.
 *
 * @module
 * @internal
 */
import type { Attributes, Span } from "@opentelemetry/api";

type OpenTelemetry = typeof import("@opentelemetry/api");

/** `undefined`: not looked for yet; `null`: not installed. */
let api: OpenTelemetry | null | undefined;
let loading: Promise<void> | undefined;
const moduleName = "@opentelemetry/api";
/** How the package is loaded (a test replaces it to see what happens when it is absent). */
let importer = (): Promise<OpenTelemetry> => import(/* @vite-ignore */ moduleName) as Promise<OpenTelemetry>;

function load(): Promise<void> {
  loading ??= importer().then(
    (loaded) => {
      api = loaded;
    },
    () => {
      api = null;
    },
  );
  return loading;
}

/**
 * Where `@opentelemetry/api` 1.x keeps its globals (`src/internal/global-utils.ts` there: `opentelemetry.js.api.<major>`);
 * `trace` is set there only when an SDK registers a tracer provider (`trace.setGlobalTracerProvider`).
 */
const registry = Symbol.for("opentelemetry.js.api.1");

/** Whether an OpenTelemetry tracer provider is registered in this process (looked up without importing the API). */
const providerRegistered = (): boolean => (globalThis as { [registry]?: { trace?: unknown } })[registry]?.trace !== undefined;

/**
 * Whether a request skips tracing at once: no tracer provider is registered, or `@opentelemetry/api` was looked for
 * and is not installed. @internal
 */
export const tracingOff = (): boolean => api === null || !providerRegistered();

/** Forgets the loaded package and loads it with `load` next time (tests only). @internal */
export function reloadTracing(load?: () => Promise<OpenTelemetry>): void {
  api = undefined;
  loading = undefined;
  if (load) importer = load;
}

/** `getItem` → `GetItem`. */
const methodOf = (operation: string): string => operation.charAt(0).toUpperCase() + operation.slice(1);

interface Body {
  readonly TableName?: string;
  readonly IndexName?: string;
  readonly RequestItems?: Record<string, unknown>;
  readonly TransactItems?: readonly Record<string, { readonly TableName?: string } | undefined>[];
  readonly ConsistentRead?: boolean;
  readonly Limit?: number;
  readonly ProjectionExpression?: string;
  readonly Select?: string;
  readonly Segment?: number;
  readonly TotalSegments?: number;
}

function tableNames(input: Body): string[] {
  if (input.TableName !== undefined) return [input.TableName];
  if (input.RequestItems) return Object.keys(input.RequestItems);
  const names = new Set<string>();
  for (const action of input.TransactItems ?? []) for (const part of Object.values(action)) if (part?.TableName) names.add(part.TableName);
  return [...names];
}

/** The number of items, keys or actions a batch or transaction request carries. */
function itemCount(input: Body): number | undefined {
  if (input.TransactItems) return input.TransactItems.length;
  if (!input.RequestItems) return undefined;
  let count = 0;
  for (const part of Object.values(input.RequestItems))
    count += Array.isArray(part) ? part.length : ((part as { Keys?: unknown[] }).Keys?.length ?? 0);
  return count;
}

function requestAttributes(operation: string, input: Body): Attributes {
  const method = methodOf(operation);
  const attributes: Attributes = {
    "db.system": "dynamodb",
    "db.operation": method,
    "rpc.system": "aws-api",
    "rpc.service": "DynamoDB",
    "rpc.method": method,
    "aws.dynamodb.table_names": tableNames(input),
  };
  if (input.IndexName !== undefined) attributes["aws.dynamodb.index_name"] = input.IndexName;
  if (input.ConsistentRead !== undefined) attributes["aws.dynamodb.consistent_read"] = input.ConsistentRead;
  if (input.Limit !== undefined) attributes["aws.dynamodb.limit"] = input.Limit;
  if (input.ProjectionExpression !== undefined) attributes["aws.dynamodb.projection"] = input.ProjectionExpression;
  if (input.Select !== undefined) attributes["aws.dynamodb.select"] = input.Select;
  if (input.Segment !== undefined) attributes["aws.dynamodb.segment"] = input.Segment;
  if (input.TotalSegments !== undefined) attributes["aws.dynamodb.total_segments"] = input.TotalSegments;
  const items = itemCount(input);
  if (items !== undefined) attributes["dynamodel.item_count"] = items;
  return attributes;
}

interface Reply {
  readonly $metadata?: { readonly attempts?: number; readonly requestId?: string };
  readonly ConsumedCapacity?: unknown;
  readonly Count?: number;
  readonly ScannedCount?: number;
  readonly UnprocessedItems?: Record<string, readonly unknown[]>;
  readonly UnprocessedKeys?: Record<string, { readonly Keys?: readonly unknown[] }>;
}

/** Sets what a response (or an error's `$metadata`) tells: request id, retries, capacity, counts, unprocessed. */
function setReply(span: Span, reply: Reply): void {
  const metadata = reply.$metadata;
  if (metadata?.requestId) span.setAttribute("aws.request_id", metadata.requestId);
  if (metadata?.attempts !== undefined) span.setAttribute("http.request.resend_count", Math.max(0, metadata.attempts - 1));
  if (reply.ConsumedCapacity !== undefined) {
    const list = Array.isArray(reply.ConsumedCapacity) ? reply.ConsumedCapacity : [reply.ConsumedCapacity];
    span.setAttribute(
      "aws.dynamodb.consumed_capacity",
      list.map((entry) => JSON.stringify(entry)),
    );
  }
  if (reply.Count !== undefined) span.setAttribute("aws.dynamodb.count", reply.Count);
  if (reply.ScannedCount !== undefined) span.setAttribute("aws.dynamodb.scanned_count", reply.ScannedCount);
  let unprocessed: number | undefined;
  if (reply.UnprocessedItems) {
    unprocessed = 0;
    for (const writes of Object.values(reply.UnprocessedItems)) unprocessed += writes.length;
  } else if (reply.UnprocessedKeys) {
    unprocessed = 0;
    for (const spec of Object.values(reply.UnprocessedKeys)) unprocessed += spec.Keys?.length ?? 0;
  }
  if (unprocessed !== undefined) span.setAttribute("dynamodel.unprocessed_count", unprocessed);
}

/**
 * Runs `send` (one DynamoDB request) in a span when OpenTelemetry is installed and a tracer provider records; else
 * just runs it. @internal
 */
export function traced<O>(operation: string, input: object, send: () => Promise<O>): Promise<O> {
  if (api === null || !providerRegistered()) return send();
  if (api === undefined) return load().then(() => traced(operation, input, send));
  const otel = api;
  const span = otel.trace.getTracer("dynamodel").startSpan(`DynamoDB.${methodOf(operation)}`, { kind: otel.SpanKind.CLIENT });
  if (!span.isRecording()) return send();
  span.setAttributes(requestAttributes(operation, input as Body));
  return otel.context.with(otel.trace.setSpan(otel.context.active(), span), send).then(
    (output) => {
      setReply(span, output as Reply);
      span.end();
      return output;
    },
    (error: unknown) => {
      if (typeof error === "object" && error !== null) setReply(span, { $metadata: (error as Reply).$metadata });
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: otel.SpanStatusCode.ERROR, message: error instanceof Error ? error.name : undefined });
      if (error instanceof Error) span.setAttribute("error.type", error.name);
      span.end();
      throw error;
    },
  );
}
