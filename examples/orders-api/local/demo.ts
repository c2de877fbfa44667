/**
 * `npm run demo` (from the repository root): DynamoDB Local, the tables and the local runner on 127.0.0.1:3000
 * (`--port N` to change it), until Ctrl-C or SIGTERM, which stop DynamoDB Local cleanly. `--smoke` instead runs a
 * scripted tour of every route, printing each request and response, and exits 0 only if every step behaved.
 */
import { runSmokeTour } from "./smoke-tour.js";
import { startLocalStack } from "./stack.js";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : smoke ? 0 : 3000;

console.log("Starting DynamoDB Local and the orders API...");
const stack = await startLocalStack({ port, signals: false });
let stopping = false;
const stop = async (code: number): Promise<never> => {
  if (!stopping) {
    stopping = true;
    await stack.stop();
  }
  process.exit(code);
};
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));

if (smoke) {
  const ok = await runSmokeTour(stack.url).catch((error: unknown) => {
    console.error("smoke tour crashed:", error);
    return false;
  });
  console.log(ok ? "\nsmoke tour: every route behaved" : "\nsmoke tour: FAILED");
  await stop(ok ? 0 : 1);
} else {
  const u = stack.url;
  console.log(`
The orders API is listening on ${u} (Ctrl-C to stop). Try:

  curl -s -X POST ${u}/customers -H 'content-type: application/json' -d '{"name":"Ada","email":"ada@example.com"}'
  curl -s -X POST ${u}/products -H 'content-type: application/json' -d '{"sku":"MUG-1","name":"Mug","priceCents":1200,"stock":5,"tags":["kitchen"]}'
  curl -s '${u}/products?tag=kitchen'
  curl -s -X POST ${u}/customers/<customerId>/orders -H 'content-type: application/json' -d '{"lines":[{"sku":"MUG-1","quantity":2}]}'
  curl -s '${u}/customers/<customerId>/orders?limit=10'
  curl -s '${u}/orders?status=placed'
  curl -s -X PATCH ${u}/customers/<customerId>/orders/<orderId> -H 'content-type: application/json' -d '{"status":"paid","version":1}'
  curl -s -X DELETE ${u}/customers/<customerId>/orders/<orderId>
`);
}
