/**
 * Resuming a parallel scan against DynamoDB Local: `startAt(lastKey)` with the per-segment `lastKey` array of
 * `parallel(n)`, segment by segment, until every item was read exactly once; finished segments are not read again.
 */
import type { ScanCommandInput } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import type { ScanResponse, SegmentKeys } from "../../src/query/index.js";
import { localClient, tableName } from "../support/local.js";
import { recordingClient } from "../support/recording-client.js";
import { seedTable } from "../support/seed.js";

const COUNT = 1200;
const SEGMENTS = 4;
const rows = Array.from({ length: COUNT }, (_, n) => ({ id: `r${String(n).padStart(5, "0")}`, n }));
const allIds = rows.map((r) => r.id);

const client = recordingClient(localClient());

const Row = dynamodel.model(tableName("ScanResumeRow"), new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number }));

beforeAll(async () => {
  dynamodel.aws.ddb.set(client);
  await Row.table().initialize();
  await seedTable(
    localClient(),
    Row.table().name,
    rows.map((r) => marshall(r)),
  );
}, 60_000);

/** The Scan requests sent while `run` runs. */
async function scansDuring(run: () => Promise<unknown>): Promise<ScanCommandInput[]> {
  const from = client.log.length;
  await run();
  return client.log.slice(from).flatMap((r) => (r.operation === "scan" ? [r.input as ScanCommandInput] : []));
}

const idsOf = (items: readonly { id: string }[]): string[] => items.map((i) => i.id);

/** The lastKey of a partial parallel scan, as the array it is. */
function segmentKeys(result: ScanResponse<unknown>): SegmentKeys {
  const { lastKey } = result;
  if (!Array.isArray(lastKey)) throw new Error(`expected a lastKey per segment, got ${JSON.stringify(lastKey)}`);
  expect(lastKey).toHaveLength(SEGMENTS);
  return lastKey;
}

/** The segments a lastKey array says are unfinished. */
const unfinished = (keys: SegmentKeys): number[] => keys.flatMap((key, segment) => (key === undefined ? [] : [segment]));

describe("resuming a parallel scan with startAt(lastKey)", () => {
  it("resumes every segment from its key until lastKey is undefined, reading each item once", async () => {
    let page = await Row.scan().parallel(SEGMENTS).limit(40).exec();
    const seen = idsOf(page);
    let steps = 0;
    let partial = 0; // steps resumed with a finished segment
    while (page.lastKey !== undefined) {
      const keys = segmentKeys(page);
      const previous = page;
      const sent = await scansDuring(async () => {
        page = await Row.scan().parallel(SEGMENTS).limit(40).startAt(previous.lastKey).exec();
      });
      // One request per unfinished segment, each from its own key; finished segments are not read again.
      expect(sent.map((input) => input.Segment)).toEqual(unfinished(keys));
      for (const input of sent) expect(input.ExclusiveStartKey).toEqual(marshall(keys[input.Segment ?? -1]));
      expect(page.timesScanned).toBe(sent.length);
      if (Array.isArray(page.lastKey))
        for (const segment of keys.keys()) if (keys[segment] === undefined) expect(page.lastKey[segment]).toBeUndefined();
      seen.push(...idsOf(page));
      steps++;
      if (unfinished(keys).length < SEGMENTS) partial++;
    }
    expect(steps).toBeGreaterThanOrEqual(5);
    expect(partial).toBeGreaterThan(0);
    expect(seen).toHaveLength(COUNT);
    expect(seen.sort()).toEqual(allIds);
  });

  it("reads only the segments with a key; the others complete the table exactly", async () => {
    const first = await Row.scan().parallel(SEGMENTS).limit(50).exec();
    const keys = segmentKeys(first);
    const even = keys.map((key, segment) => (segment % 2 === 0 ? key : undefined));
    const odd = keys.map((key, segment) => (segment % 2 === 1 ? key : undefined));
    let evenRest: ScanResponse<{ id: string }> | undefined;
    const sent = await scansDuring(async () => {
      evenRest = await Row.scan().parallel(SEGMENTS).startAt(even).all().exec();
    });
    expect(new Set(sent.map((input) => input.Segment))).toEqual(new Set([0, 2]));
    expect(evenRest?.lastKey).toBeUndefined();
    const oddRest = await Row.scan().parallel(SEGMENTS).startAt(odd).all().exec();
    const seen = [...idsOf(first), ...idsOf(evenRest ?? []), ...idsOf(oddRest)];
    expect(seen).toHaveLength(COUNT);
    expect(seen.sort()).toEqual(allIds);
  });

  it("with every segment finished, sends nothing and resolves an empty result", async () => {
    const done = [undefined, undefined, undefined, undefined];
    let result: ScanResponse<unknown> | undefined;
    let counted: { count: number; timesScanned: number; lastKey: unknown } | undefined;
    const sent = await scansDuring(async () => {
      result = await Row.scan().parallel(SEGMENTS).startAt(done).exec();
      counted = await Row.scan().parallel(SEGMENTS).startAt(done).count().all().exec();
      for await (const _ of Row.scan().parallel(SEGMENTS).startAt(done)) throw new Error("no item expected");
    });
    expect(sent).toEqual([]);
    expect(result).toHaveLength(0);
    expect(result).toMatchObject({ count: 0, scannedCount: 0, timesScanned: 0, lastKey: undefined });
    expect(counted).toStrictEqual({ count: 0, scannedCount: 0 });
    expect(counted?.timesScanned).toBe(0);
    expect(counted?.lastKey).toBeUndefined();
  });

  it("pages(), for await and count() resume too", async () => {
    const first = await Row.scan().parallel(SEGMENTS).limit(100).exec();
    const rest = COUNT - first.length;
    const paged: string[] = [];
    for await (const page of Row.scan().parallel(SEGMENTS).limit(100).startAt(first.lastKey).pages()) paged.push(...idsOf(page));
    expect([...idsOf(first), ...paged].sort()).toEqual(allIds);
    const iterated: string[] = [];
    for await (const item of Row.scan().parallel(SEGMENTS).startAt(first.lastKey)) iterated.push(item.id);
    expect(iterated.sort()).toEqual(paged.sort());
    const counted = await Row.scan().parallel(SEGMENTS).startAt(first.lastKey).count().all().exec();
    expect(counted).toMatchObject({ count: rest, scannedCount: rest, lastKey: undefined });
  });

  it("a page of pages() resumes after the pages yielded so far, even mid-round", async () => {
    for (const stopAfter of [1, 3, 6, 9]) {
      const yielded: string[] = [];
      let resume: SegmentKeys | undefined;
      let pages = 0;
      for await (const page of Row.scan().parallel(SEGMENTS).limit(60).pages()) {
        yielded.push(...idsOf(page));
        resume = segmentKeys(page);
        if (++pages === stopAfter) break;
      }
      // Segments none of whose pages was yielded yet start from their beginning (null); the others after their key.
      if (stopAfter === 1) expect(resume?.slice(1)).toEqual([null, null, null]);
      const rest = await Row.scan().parallel(SEGMENTS).startAt(resume).all().exec();
      const seen = [...yielded, ...idsOf(rest)];
      expect(seen, `stopped after ${stopAfter} pages`).toHaveLength(COUNT);
      expect(seen.sort()).toEqual(allIds);
    }
  });

  it("a null segment key reads that segment from its beginning", async () => {
    const whole = await Row.scan().parallel(SEGMENTS).startAt([null, undefined, undefined, undefined]).all().exec();
    const segment0 = await Row.scan().parallel(SEGMENTS).all().exec();
    const sent = await scansDuring(() => Row.scan().parallel(SEGMENTS).startAt([null, undefined, null, undefined]).exec());
    expect(sent.map((input) => [input.Segment, input.ExclusiveStartKey])).toEqual([
      [0, undefined],
      [2, undefined],
    ]);
    expect(whole.length).toBeGreaterThan(0);
    expect(idsOf(whole).every((id) => idsOf(segment0).includes(id))).toBe(true);
  });

  it("getRequest() and explain() leave ExclusiveStartKey out: each segment starts from its own", async () => {
    const keys = [{ id: "r00001" }, undefined, { id: "r00002" }, undefined];
    const request = await Row.scan().parallel(SEGMENTS).limit(10).startAt(keys).getRequest();
    expect(request).toEqual({ TableName: Row.table().name, Limit: 10, TotalSegments: SEGMENTS });
    expect(Row.scan().parallel(SEGMENTS).startAt(keys).explain().request.ExclusiveStartKey).toBeUndefined();
    // One key (not an array) keeps applying to every segment, as before.
    expect((await Row.scan().parallel(2).startAt({ id: "r00001" }).getRequest()).ExclusiveStartKey).toEqual({ id: { S: "r00001" } });
  });
});

describe("segment keys that do not fit are refused before sending", () => {
  const keys = [{ id: "r00001" }, undefined, { id: "r00002" }];

  it.each([
    [
      "on a query",
      () =>
        Row.query("id")
          .eq("r00001")
          .startAt(keys as never),
      /a query takes one key/,
    ],
    ["on a scan without parallel(n)", () => Row.scan().startAt(keys), /the scan has no parallel\(n\): call parallel\(3\)/],
    [
      "with a length other than n",
      () => Row.scan().parallel(SEGMENTS).startAt(keys),
      /^startAt\(\) got 3 segment keys but parallel\(4\) has 4 segments\.$/,
    ],
  ])("%s", async (_, make, message) => {
    const expected = { name: "InvalidParameter", code: "invalid_start_key", path: "startAt", message: expect.stringMatching(message) };
    const sent = await scansDuring(async () => {
      await expect(make().exec()).rejects.toMatchObject(expected);
      await expect(make().count().exec()).rejects.toMatchObject(expected);
      await expect(make().getRequest()).rejects.toMatchObject(expected);
      expect(() => make().explain()).toThrow(expect.objectContaining(expected));
      expect(() => make().pages()).toThrow(expect.objectContaining(expected));
    });
    expect(client.log.filter((r) => r.operation === "query")).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("an entry that is not a key object names its segment", async () => {
    const scan = Row.scan()
      .parallel(2)
      .startAt([{ id: "r00001" }, 7 as never]);
    await expect(scan.exec()).rejects.toMatchObject({
      name: "InvalidParameterType",
      code: "invalid_start_key",
      path: "startAt[1]",
      expected: "object",
      received: "number",
    });
  });

  it("checks when the scan runs, so parallel(n) may come after startAt()", async () => {
    const first = await Row.scan().parallel(3).limit(5).exec();
    const scan = Row.scan().startAt(first.lastKey);
    await expect(scan.exec()).rejects.toMatchObject({ code: "invalid_start_key" });
    const resumed = await scan.parallel(3).limit(5).exec();
    expect(resumed.timesScanned).toBe(3);
    expect(idsOf(resumed).some((id) => idsOf(first).includes(id))).toBe(false);
  });
});
