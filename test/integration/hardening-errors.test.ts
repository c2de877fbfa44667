/**
 * Errors never carry the rejected value: validation messages, `issues`, `received` and `toJSON()` name the attribute
 * path, the rule and the value's type (and length), so a rejected password or token never reaches a log. Nothing
 * is sent for a refused write.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const SECRET = "hunter2-SECRET";
const log: Recorded[] = [];
const raw = localClient();
const name = tableName("Secrets");
const Account = dynamodel.model(
  name,
  new dynamodel.Schema({
    id: { type: String, hashKey: true },
    password: { type: String, validate: (value: unknown) => typeof value === "string" && value.length > 20 },
    token: { type: String, validate: /^tok_[a-z]+$/ },
    pin: { type: String, validate: "0000" },
    plan: { type: String, enum: ["free", "pro"] },
    profile: { type: Object, schema: { apiKey: { type: String, validate: async (value: unknown) => value === "ok" } } },
    blob: { type: Buffer, validate: (value: unknown) => value instanceof Uint8Array && value.byteLength > 100 },
  }),
  { throughput: "ON_DEMAND" },
);

beforeAll(async () => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
  await Account.get("warm");
});
beforeEach(() => {
  log.length = 0;
});
afterAll(async () => {
  await raw.deleteTable({ TableName: name }).catch(() => undefined);
});

async function rejection(run: () => Promise<unknown>): Promise<InstanceType<typeof dynamodel.error.ValidationError>> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(dynamodel.error.ValidationError);
  expect(log).toHaveLength(0);
  return error as InstanceType<typeof dynamodel.error.ValidationError>;
}

/** Every place an error's text can reach a log. */
function everything(error: Error): string {
  return [
    error.message,
    String(error),
    JSON.stringify(error),
    JSON.stringify((error as { issues?: unknown }).issues),
    error.stack ?? "",
  ].join("\n");
}

describe("validation errors never carry the value", () => {
  it.each([
    ["a validate function", { password: SECRET }, "password", "string of length 14"],
    ["a RegExp", { token: SECRET }, "token", "string of length 14"],
    ["a constant", { pin: SECRET }, "pin", "string of length 14"],
    ["an enum", { plan: SECRET }, "plan", "string of length 14"],
    ["a nested async validator", { profile: { apiKey: SECRET } }, "profile.apiKey", "string of length 14"],
    ["a binary", { blob: Buffer.from(SECRET) }, "blob", "Buffer of 14 bytes"],
  ])("%s: the message, issues, received and toJSON() name the path, the rule and the type only", async (_, fields, path, received) => {
    const error = await rejection(() => Account.create({ id: "a", ...fields } as never));
    expect(everything(error)).not.toContain(SECRET);
    expect(everything(error)).not.toContain("hunter2");
    expect(error.path).toBe(path);
    expect(error.received).toBe(received);
    expect(error.message).toContain(path);
    expect(error.issues[0]).toMatchObject({ path, received });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "ValidationError",
      code: error.code,
      path,
      received,
      message: error.message,
    });
  });

  it("an update value and several problems at once", async () => {
    const error = await rejection(() => Account.update("a", { password: SECRET, token: SECRET, plan: SECRET } as never));
    expect(everything(error)).not.toContain("hunter2");
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(["password", "plan", "token"]);
  });

  it("the schema validator's message does not print the item", async () => {
    const Strict = dynamodel.model(
      name,
      new dynamodel.Schema({ id: { type: String, hashKey: true }, password: String }, { validate: () => false }),
      { create: false, waitForActive: false },
    );
    const error = await rejection(() => Strict.create({ id: "b", password: SECRET }));
    expect(everything(error)).not.toContain("hunter2");
  });
});
