/**
 * Cold start, dynamodel: bundled like a Lambda; prints the time from process start to the handler being loaded (its
 * module and the SDK evaluated, the client and model set up) and to the first GetItem resolved.
 */
import { handler } from "../handlers/dynamodel.js";

const loadedMs = performance.now();
handler({ id: "u1" }).then(
  (item) => {
    if (!item) throw new Error("u1 not found");
    process.stdout.write(JSON.stringify({ ms: performance.now(), loadedMs }), () => process.exit(0));
  },
  (error) => {
    process.stderr.write(`${error}\n`);
    process.exit(1);
  },
);
