import { afterEach, beforeAll, describe, expect, it } from "vitest";
import dynamodel, { type LogEvent } from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});
afterEach(async () => {
  const logger = await dynamodel.logger();
  logger.providers.clear();
  logger.resume();
});

describe("dynamodel.logger", () => {
  it("sends request and response debug events to providers, with level and category filters", async () => {
    const logger = await dynamodel.logger();
    const all: LogEvent[] = [];
    const responses: LogEvent[] = [];
    const messages: string[] = [];
    logger.providers.set([
      { id: "all", log: (e: LogEvent | string) => all.push(e as LogEvent) },
      {
        id: "responses",
        filter: { category: "aws:dynamodb:*:response", level: "debug+" },
        log: (e: LogEvent | string) => responses.push(e as LogEvent),
      },
      {
        id: "strings",
        type: "string",
        filter: { category: "aws:dynamodb:getItem:*" },
        log: (m: LogEvent | string) => messages.push(m as string),
      },
      { id: "errors", filter: { level: "error" }, log: () => expect.fail("no error events") },
    ]);
    const M = dynamodel.model(tableName("Logged"), new dynamodel.Schema({ id: String }), { create: false });
    await M.get({ id: "x" }, { return: "request" });
    expect(all).toHaveLength(0);
    await M.table().create();
    await M.get("x");
    expect(all.map((e) => e.category)).toEqual([
      "aws:dynamodb:createTable:request",
      "aws:dynamodb:createTable:response",
      "aws:dynamodb:getItem:request",
      "aws:dynamodb:getItem:response",
    ]);
    expect(all[2]?.payload.request).toMatchObject({ Key: { id: { S: "x" } } });
    expect(responses.map((e) => e.category)).toEqual(["aws:dynamodb:createTable:response", "aws:dynamodb:getItem:response"]);
    expect(messages).toHaveLength(2);
    expect(JSON.parse(messages[0] as string)).toMatchObject({ Key: { id: { S: "x" } } });
    logger.pause();
    expect(logger.status()).toBe("paused");
    await M.get("x");
    expect(all).toHaveLength(4);
    logger.providers.delete("all");
    expect(logger.providers.list().map((p) => p.id)).toEqual(["responses", "strings", "errors"]);
  });
});
