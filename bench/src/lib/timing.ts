/**
 * Timing: several contenders measured in the same process, alternating (the order rotates every round), with
 * warm-up rounds, and the median of the measured rounds.
 */

/** One contender of a workload: `run(ops)` does `ops` operations and resolves when they are done. */
export interface Contender {
  readonly name: string;
  /** Operations per round (a slow contender may do fewer; results are per operation). */
  readonly ops: number;
  run(ops: number): void | Promise<void>;
}

/** Options of a measurement. */
export interface MeasureOptions {
  readonly rounds: number;
  readonly warmup: number;
}

/** Nanoseconds per operation (wall clock), each measured round, and the median; plus this process's CPU time. */
export interface Measured {
  readonly name: string;
  readonly nsPerOp: number;
  readonly rounds: readonly number[];
  /** Median CPU time (user + system) of this Node process per operation, in ns: what the library itself costs. */
  readonly cpuNsPerOp: number;
}

const gc = (globalThis as { gc?: (options?: { type?: string; execution?: string }) => void }).gc;
/**
 * Before each round, a young-generation collection (`gc({type: "minor"})`) sweeps away the garbage of the
 * previous contender, so that no contender pays for another's. Not a full collection: a mark-compact also frees
 * the hidden classes (maps) that only dead objects used, and V8 then discards every optimized function that
 * embeds one ("deoptimizing ... reason: weak objects" under `--trace-deopt`). Forced before every 10-30 ms round,
 * that measured re-optimization more than the code: class-based builders (both ODMs) ran 2x slower than in any
 * steady state. `BENCH_GC=major` restores the full collection, to compare.
 */
const GC_OPTIONS = process.env.BENCH_GC === "major" ? undefined : { type: "minor", execution: "sync" };

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs every contender `warmup + rounds` times, rotating the order each round; returns the medians. */
export async function measure(contenders: readonly Contender[], options: MeasureOptions): Promise<Measured[]> {
  const samples = contenders.map(() => [] as number[]);
  const cpuSamples = contenders.map(() => [] as number[]);
  const total = options.warmup + options.rounds;
  for (let round = 0; round < total; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      const contender = contenders[index] as Contender;
      gc?.(GC_OPTIONS);
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await contender.run(contender.ops);
      const elapsed = Number(process.hrtime.bigint() - start);
      const used = process.cpuUsage(cpu);
      if (round >= options.warmup) {
        samples[index]?.push(elapsed / contender.ops);
        cpuSamples[index]?.push(((used.user + used.system) * 1000) / contender.ops);
      }
    }
  }
  return contenders.map((contender, index) => {
    const rounds = samples[index] as number[];
    return { name: contender.name, nsPerOp: median(rounds), rounds, cpuNsPerOp: median(cpuSamples[index] as number[]) };
  });
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
