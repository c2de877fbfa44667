/**
 * The API's CORS settings. API Gateway applies them (the CDK app passes them as the HTTP API's `corsPreflight`):
 * it answers preflight `OPTIONS` requests itself and adds the headers to the function's responses. The local
 * runner applies the same settings the same way.
 */
export const cors = {
  allowOrigins: ["*"],
  allowMethods: ["GET", "POST", "PATCH", "DELETE"],
  allowHeaders: ["content-type"],
  exposeHeaders: ["location"],
  maxAgeSeconds: 600,
} as const;
