import { describe, expectTypeOf, it } from "vitest";
import dynamodel, { type OnProgress, type Progress } from "../../src/index.js";

const User = dynamodel.model("ProgressTypes", new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number }));

describe("onProgress", () => {
  it("gets done, left (unknown for a query or scan before its end) and retries", () => {
    expectTypeOf<Progress>().toEqualTypeOf<{ readonly done: number; readonly left: number | undefined; readonly retries: number }>();
    expectTypeOf<OnProgress>().toEqualTypeOf<(progress: Progress) => void>();
  });

  it("is a setting of every batch and a chain call of queries and scans that keeps the chain's type", () => {
    void User.batchPut([{ id: "u1" }], { onProgress: ({ done, left }) => expectTypeOf(done + (left ?? 0)).toBeNumber() });
    void User.batchGet(["u1"], { onProgress: (progress) => expectTypeOf(progress).toEqualTypeOf<Progress>() });
    void User.batchDelete(["u1"], { onProgress: () => undefined });
    const scan = User.scan()
      .parallel(4)
      .all()
      .onProgress(() => undefined);
    expectTypeOf(scan).toEqualTypeOf(User.scan().parallel(4).all());
    // @ts-expect-error the callback gets a Progress, not a number
    void User.batchPut([{ id: "u1" }], { onProgress: (done: number) => done });
  });
});
