/**
 * The one setup of a table, shared by every caller: started when the table is constructed (as in Dynamoose) or by
 * the first request; a failure is never an unhandled rejection. A setup nobody awaited that failed is held and
 * reported to the first call; after a reported failure the next call retries. A setup that ran (or runs) with a
 * client other than the one now in force is not reused unless it succeeded: the next call starts one with the
 * client in force (apps and tests often set the client after defining their tables).
 *
 * @module
 * @internal
 */

interface Run {
  readonly client: unknown;
  readonly promise: Promise<void>;
  state: "pending" | "done" | "failed";
  /** Some caller awaits (or awaited) this run: its failure has been reported. */
  claimed: boolean;
}

/**
 * Runs `start` at most once at a time and shares it.
 *
 * @example
 * ```ts
 * const gate = new SetupGate(() => runSetup(), () => instance.aws.ddb());
 * gate.begin();          // at construction: failures are held
 * await gate.ready();    // every request: shares the running setup, retries a reported failure
 * ```
 */
export class SetupGate {
  #run: Run | undefined;

  constructor(
    private readonly start: () => Promise<void>,
    private readonly client: () => unknown,
  ) {}

  /** Starts the setup unless one has run or is running (the start at construction). */
  begin(): void {
    if (this.#run === undefined) this.#launch(false);
  }

  /** Resolves once the setup succeeded: shares a running one, else reports a held failure once, else starts one. */
  ready(): Promise<void> {
    const run = this.#run;
    if (run?.state === "done") return run.promise;
    if (run && run.client === this.client()) {
      if (run.state === "pending") {
        run.claimed = true;
        return run.promise;
      }
      // A failure nobody awaited yet: this call reports it, the next one retries.
      this.#run = undefined;
      return run.promise;
    }
    return this.#launch(true).promise;
  }

  #launch(claimed: boolean): Run {
    const run: Run = { client: this.client(), promise: this.start(), state: "pending", claimed };
    this.#run = run;
    run.promise.then(
      () => {
        run.state = "done";
      },
      () => {
        run.state = "failed";
        // Reported to the callers that awaited it: the next call retries. Otherwise held for the first call.
        if (run.claimed && this.#run === run) this.#run = undefined;
      },
    );
    return run;
  }
}
