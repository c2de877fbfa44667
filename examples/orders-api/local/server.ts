/**
 * The local runner: a `node:http` server that does what API Gateway's HTTP API does in front of the function. It
 * matches the request against the route table, builds an `APIGatewayProxyEventV2` (payload format 2.0: method, raw
 * path and query, path parameters, query parameters, lower-cased headers, cookies, a base64 body for binary
 * content), calls the handler, and turns its result back into a response, with CORS as API Gateway applies it.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { APIGatewayProxyEventV2, APIGatewayProxyHandlerV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { cors } from "../src/cors.js";
import { matchRoute } from "../src/route-table.js";

/** API Gateway refuses payloads over 10 MB; Lambda over 6 MB. The runner stops reading at 6 MB. */
const maxPayloadBytes = 6 * 1024 * 1024;
const textTypes = /^(?:text\/|application\/(?:[\w.+-]+\+)?(?:json|xml|x-www-form-urlencoded|javascript))/i;

function joinHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === "cookie") continue;
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return headers;
}

function queryParameters(search: URLSearchParams): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [name, value] of search) params[name] = name in params ? `${params[name]},${value}` : value;
  return Object.keys(params).length ? params : undefined;
}

/** The event API Gateway would send for this request (`body` already read). */
export function toEvent(
  request: IncomingMessage,
  body: Buffer,
  routeKey: string,
  pathParameters: Record<string, string>,
): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? "/", "http://localhost");
  const headers = joinHeaders(request);
  const cookies = request.headers.cookie
    ?.split(";")
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  const text = textTypes.test(headers["content-type"] ?? "");
  const now = new Date();
  return {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(queryParameters(url.searchParams) ? { queryStringParameters: queryParameters(url.searchParams) } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: (headers.host ?? "localhost").split(".")[0] ?? "localhost",
      http: {
        method: request.method ?? "GET",
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey,
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: text ? body.toString("utf8") : body.toString("base64") } : {}),
    isBase64Encoded: body.length > 0 && !text,
  };
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  if (!request.headers.origin) return {};
  return { "access-control-allow-origin": cors.allowOrigins.join(","), "access-control-expose-headers": cors.exposeHeaders.join(",") };
}

function send(response: ServerResponse, status: number, headers: Record<string, string | number>, body?: string | Buffer): void {
  response.writeHead(status, headers);
  response.end(body);
}

function reply(request: IncomingMessage, response: ServerResponse, result: APIGatewayProxyResultV2): void {
  const extra = corsHeaders(request);
  if (typeof result === "string" || result === undefined || result === null || typeof result !== "object" || !("statusCode" in result)) {
    // A plain value: API Gateway returns it as a JSON 200.
    send(response, 200, { "content-type": "application/json", ...extra }, typeof result === "string" ? result : JSON.stringify(result));
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  Object.assign(headers, extra);
  if (result.cookies?.length) response.setHeader("set-cookie", result.cookies);
  const body = result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, "base64") : result.body;
  send(response, result.statusCode ?? 200, headers, body);
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxPayloadBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const lambdaContext = (): Context =>
  ({ functionName: "orders-api-local", awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 30_000 }) as unknown as Context;

/** A server that serves `handler` as API Gateway would. Call `listen(port, "127.0.0.1")` on it. */
export function localApi(handler: APIGatewayProxyHandlerV2): Server {
  return createServer(async (request, response) => {
    try {
      const method = request.method ?? "GET";
      if (method === "OPTIONS" && request.headers.origin && request.headers["access-control-request-method"]) {
        return send(response, 204, {
          "access-control-allow-origin": cors.allowOrigins.join(","),
          "access-control-allow-methods": cors.allowMethods.join(","),
          "access-control-allow-headers": cors.allowHeaders.join(","),
          "access-control-max-age": cors.maxAgeSeconds,
        });
      }
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      let match: ReturnType<typeof matchRoute>;
      try {
        match = matchRoute(method, path);
      } catch {
        return send(response, 400, { "content-type": "application/json" }, JSON.stringify({ message: "Bad Request" }));
      }
      if (!match)
        return send(
          response,
          404,
          { "content-type": "application/json", ...corsHeaders(request) },
          JSON.stringify({ message: "Not Found" }),
        );
      const body = await readBody(request);
      if (!body)
        return send(
          response,
          413,
          { "content-type": "application/json", connection: "close" },
          JSON.stringify({ message: "Request Entity Too Large" }),
        );
      const event = toEvent(request, body, match.routeKey, match.pathParameters);
      const result = await handler(event, lambdaContext(), () => undefined);
      reply(request, response, result as APIGatewayProxyResultV2);
    } catch (error) {
      console.error(error);
      send(response, 500, { "content-type": "application/json" }, JSON.stringify({ message: "Internal Server Error" }));
    }
  });
}
