/**
 * What every cold-start child does once its bundled handler is loaded: note the time (boot + import + client and
 * model setup), call the handler once, and print both times since the process started.
 */
export function reportFirstGet(handler: (event: { id: string }) => Promise<unknown>): void {
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
}
