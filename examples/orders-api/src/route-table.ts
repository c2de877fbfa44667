/**
 * The HTTP API's routes, as API Gateway route keys. The CDK app declares exactly these, the handler dispatches on
 * them, and the local runner matches requests against them (filling `pathParameters` as API Gateway does).
 */

/** Every route of the API (`METHOD /path/{param}`). */
export const routeKeys = [
  "POST /customers",
  "GET /customers/{customerId}",
  "POST /products",
  "GET /products",
  "POST /customers/{customerId}/orders",
  "GET /customers/{customerId}/orders",
  "GET /customers/{customerId}/orders/{orderId}",
  "PATCH /customers/{customerId}/orders/{orderId}",
  "DELETE /customers/{customerId}/orders/{orderId}",
  "GET /orders",
] as const;

/** One route key. */
export type RouteKey = (typeof routeKeys)[number];

/** A request matched to a route: its key and its path parameters (decoded). */
export interface RouteMatch {
  readonly routeKey: RouteKey;
  readonly pathParameters: Record<string, string>;
}

const compiled = routeKeys.map((routeKey) => {
  const [method, path] = routeKey.split(" ") as [string, string];
  const names: string[] = [];
  const pattern = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { routeKey, method, names, regex: new RegExp(`^${pattern}$`) };
});

/** The route `method` and `path` match, as API Gateway would choose it; `undefined` when none does. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const route of compiled) {
    if (route.method !== method) continue;
    const found = route.regex.exec(path);
    if (!found) continue;
    const pathParameters: Record<string, string> = {};
    route.names.forEach((name, i) => {
      pathParameters[name] = decodeURIComponent(found[i + 1] ?? "");
    });
    return { routeKey: route.routeKey, pathParameters };
  }
  return undefined;
}
