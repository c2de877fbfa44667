import { describe, expectTypeOf, it } from "vitest";
import dynamodel from "../../src/index.js";
import type { PlainKey, QueryResponse, ScanCount, ScanResponse, SegmentKeys } from "../../src/query/index.js";

const User = dynamodel.model("StartAtUser", new dynamodel.Schema({ id: { type: String, hashKey: true }, age: Number }));

declare const scanned: ScanResponse<unknown>;
declare const counted: ScanCount;
declare const queried: QueryResponse<unknown>;

describe("startAt() takes what lastKey gives", () => {
  it("a scan takes its lastKey: one key, or one per segment after parallel(n)", () => {
    expectTypeOf(User.scan().startAt).parameter(0).toEqualTypeOf<Readonly<PlainKey> | SegmentKeys | undefined>();
    void User.scan().parallel(4).startAt(scanned.lastKey);
    void User.scan().parallel(4).startAt(counted.lastKey);
    void User.scan()
      .parallel(2)
      .startAt([{ id: "a" }, undefined] as const);
    void User.scan()
      .parallel(3)
      .startAt([{ id: "a" }, undefined, null]);
    void User.scan().startAt({ id: "a" });
    const twoSegments = User.scan().parallel(2);
    // @ts-expect-error a segment's key is an object, null or undefined
    void twoSegments.startAt([{ id: "a" }, 3]);
  });

  it("a page of a parallel scan's pages() carries keys startAt() takes", async () => {
    for await (const page of User.scan().parallel(2).pages()) {
      expectTypeOf(page.lastKey).toEqualTypeOf<PlainKey | SegmentKeys | undefined>();
      void User.scan().parallel(2).startAt(page.lastKey);
    }
  });

  it("a query takes one key, not an array", () => {
    expectTypeOf(User.query("id").eq("a").startAt).parameter(0).toEqualTypeOf<Readonly<PlainKey> | undefined>();
    void User.query("id").eq("a").startAt(queried.lastKey);
    const query = User.query("id").eq("a");
    // @ts-expect-error only a parallel scan resumes from one key per segment
    void query.startAt([{ id: "a" }, undefined]);
    // @ts-expect-error a scan's lastKey may be an array
    void User.query("id").eq("a").startAt(scanned.lastKey);
  });
});
