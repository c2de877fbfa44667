/**
 * Features still being built in dynamodel (query/scan, batches, transactions) reject or throw "not implemented"
 * today. A workload probes each contender once; a contender that fails the probe gets a "not available" cell
 * instead of a number, so the bench runs today and picks the feature up once it lands.
 */

/** `null` when `attempt` works, otherwise why not (one line). */
export async function probe(attempt: () => unknown): Promise<string | null> {
  try {
    await attempt();
    return null;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    return `${code === "not_implemented" ? "not implemented yet" : "failed"}: ${message.split("\n")[0]}`;
  }
}
