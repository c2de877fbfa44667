import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { TransactWriteItem } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
  dynamodel.retry.set({ baseDelay: 1, maxDelay: 4 });
});

const { TransactionCanceled, LimitExceeded } = dynamodel.error;

const Account = dynamodel.model(
  tableName("Account"),
  new dynamodel.Schema({ id: { type: String, hashKey: true }, balance: { type: Number, default: 0 }, opened: Date }),
);
const Transfer = dynamodel.model(
  tableName("Transfer"),
  new dynamodel.Schema({ from: { type: String, hashKey: true }, at: { type: Number, rangeKey: true }, amount: Number }),
);

describe("transactions against DynamoDB Local", () => {
  it("builds Dynamoose's request shapes without sending", async () => {
    const request = await dynamodel.transaction(
      [
        Account.transaction.create({ id: "a1", balance: 5 }),
        Account.transaction.update({ id: "a2" }, { $ADD: { balance: 1 } }),
        Account.transaction.delete("a3"),
        Account.transaction.condition("a4", new dynamodel.Condition("balance").ge(1)),
      ],
      { return: "request" },
    );
    const [put, update, del, check] = request.TransactItems as TransactWriteItem[];
    expect(put?.Put).toMatchObject({
      Item: { id: { S: "a1" }, balance: { N: "5" } },
      ConditionExpression: expect.stringMatching(/^attribute_not_exists\(#/),
    });
    expect(put?.Put?.ReturnValuesOnConditionCheckFailure).toBe("ALL_OLD");
    expect(update?.Update).not.toHaveProperty("ReturnValues");
    expect(update?.Update?.UpdateExpression).toMatch(/^ADD #\w+ :\w+$/);
    expect(del?.Delete).toEqual({ Key: { id: { S: "a3" } }, TableName: Account.table().name });
    expect(check?.ConditionCheck).toMatchObject({ Key: { id: { S: "a4" } }, ConditionExpression: expect.stringMatching(/>=/) });
    expect(request).not.toHaveProperty("ClientRequestToken");
    expect(await Account.transaction.get("a1")).toEqual({ Get: { Key: { id: { S: "a1" } }, TableName: Account.table().name } });
  });

  it("writes across two models atomically, then reads them back in a get transaction", async () => {
    await Account.create({ id: "t1", balance: 100 });
    const result = await dynamodel.transaction([
      Account.transaction.update({ id: "t1" }, { $ADD: { balance: -30 } }, { condition: new dynamodel.Condition("balance").ge(30) }),
      Account.transaction.create({ id: "t2", balance: 30, opened: new Date(5) }),
      Transfer.transaction.create({ from: "t1", at: 1, amount: 30 }),
    ]);
    expect(result).toBeNull();
    const [from, to, transfer, missing] = await dynamodel.transaction([
      Account.transaction.get("t1"),
      Account.transaction.get({ id: "t2" }),
      Transfer.transaction.get({ from: "t1", at: 1 }),
      Account.transaction.get("nobody"),
    ]);
    const single = await Account.get("t1");
    expectTypeOf(from).toEqualTypeOf<typeof single>();
    expectTypeOf(transfer?.amount).toEqualTypeOf<number | undefined>();
    expect(from).toBeInstanceOf(Account);
    expect(from?.balance).toBe(70);
    expect(to?.opened).toEqual(new Date(5));
    expect(transfer).toMatchObject({ from: "t1", at: 1, amount: 30 });
    expect(missing).toBeUndefined();
  });

  it("throws TransactionCanceled naming the action, its model, key, code and stored item; nothing is applied", async () => {
    await Account.create({ id: "c1", balance: 10 });
    await Account.create({ id: "c2", balance: 7 });
    const error = await dynamodel
      .transaction([
        Account.transaction.update({ id: "c1" }, { $ADD: { balance: 5 } }),
        Transfer.transaction.create({ from: "c1", at: 2, amount: 5 }),
        Account.transaction.condition("c1x", new dynamodel.Condition("balance").ge(0)),
        Account.transaction.create({ id: "c2" }),
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceled);
    const canceled = error as InstanceType<typeof TransactionCanceled>;
    expect(canceled.name).toBe("TransactionCanceledException");
    // Code written for the SDK (and Dynamoose, which rethrows its errors) still recognizes it.
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect(canceled.CancellationReasons).toHaveLength(4);
    expect(canceled.reasons.map((r) => r.code)).toEqual(["None", "None", "ConditionalCheckFailed", "ConditionalCheckFailed"]);
    expect(canceled.failed.map(({ index, model, key }) => ({ index, model, key }))).toEqual([
      { index: 2, model: Account.name, key: { id: "c1x" } },
      { index: 3, model: Account.name, key: { id: "c2" } },
    ]);
    expect(canceled.reasons[2]?.item).toBeUndefined();
    expect(canceled.reasons[3]?.item).toBeInstanceOf(Account);
    expect(canceled.reasons[3]?.item).toMatchObject({ id: "c2", balance: 7 });
    expect(canceled.reasons[1]).toMatchObject({ model: Transfer.name, key: { from: "c1", at: 2 } });
    expect(canceled.message).toMatch(/action 2 .*ConditionalCheckFailed/);
    expect((await Account.get("c1"))?.balance).toBe(10);
    expect(await Transfer.get({ from: "c1", at: 2 })).toBeUndefined();
  });

  it("decodes a version conflict inside a transaction", async () => {
    const Doc = dynamodel.model(
      tableName("TxDoc"),
      new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number }, { version: true }),
    );
    const doc = await Doc.create({ id: "v1", n: 1 });
    await dynamodel.transaction([Doc.transaction.update(doc, { n: 2 })]);
    expect(await Doc.get("v1")).toMatchObject({ n: 2, version: 2 });
    const error = await dynamodel
      .transaction([Doc.transaction.update(doc, { n: 3 }), Doc.transaction.create({ id: "v2" })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceled);
    expect((error as InstanceType<typeof TransactionCanceled>).failed).toMatchObject([
      { index: 0, code: "ConditionalCheckFailed", item: { id: "v1", version: 2 } },
    ]);
    expect(await Doc.get("v2")).toBeUndefined();
    await dynamodel.transaction([Doc.transaction.delete((await Doc.get("v1"))!)]);
    expect(await Doc.get("v1")).toBeUndefined();
  });

  it("refuses before sending: too many actions, over 4 MB, two actions on one item, mixed kinds, bad input", async () => {
    const many = Array.from({ length: 101 }, (_, i) => Account.transaction.delete(`m${i}`));
    await expect(dynamodel.transaction(many)).rejects.toBeInstanceOf(LimitExceeded);
    await expect(dynamodel.transaction(many)).rejects.toMatchObject({ code: "transaction_too_many_actions" });
    const big = "x".repeat(390 * 1024);
    const Note = dynamodel.model(tableName("Note"), new dynamodel.Schema({ id: { type: String, hashKey: true }, text: String }));
    const notes = Array.from({ length: 11 }, (_, i) => Note.transaction.create({ id: `n${i}`, text: big }));
    await expect(dynamodel.transaction(notes, { return: "request" })).rejects.toMatchObject({
      name: "LimitExceeded",
      code: "transaction_too_large",
    });
    await expect(
      dynamodel.transaction([Account.transaction.delete("d1"), Account.transaction.update({ id: "d1" }, { balance: 1 })]),
    ).rejects.toMatchObject({
      name: "InvalidParameter",
      code: "duplicate_item",
    });
    await expect(dynamodel.transaction([Account.transaction.get("g1"), Account.transaction.delete("g2")])).rejects.toMatchObject({
      code: "invalid_transaction",
    });
    await expect(dynamodel.transaction([])).rejects.toMatchObject({ name: "InvalidParameter" });
    await expect(dynamodel.transaction([Account.transaction.get("g1")], { type: "read" as never })).rejects.toMatchObject({
      name: "InvalidParameter",
    });
    await expect(dynamodel.transaction([{ Delete: { TableName: "NotATable", Key: { id: { S: "x" } } } }])).rejects.toMatchObject({
      code: "unknown_table",
    });
  });

  it("takes raw actions on a registered table, promises, and a callback", async () => {
    const raw = { Put: { TableName: Account.table().name, Item: { id: { S: "raw1" }, balance: { N: "3" } } } };
    const result = await new Promise((resolve, reject) => {
      dynamodel.transaction(
        [raw, Promise.resolve({ Delete: { TableName: Account.table().name, Key: { id: { S: "raw2" } } } })],
        (error: Error | null | undefined, value?: unknown) => (error ? reject(error) : resolve(value)),
      );
    });
    expect(result).toBeNull();
    expect((await Account.get("raw1"))?.balance).toBe(3);
  });

  it("drops a callback given to a Model.transaction method, with Dynamoose's warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const action = await (Account.transaction.delete as (...args: unknown[]) => Promise<unknown>)("w1", () => {});
    expect(action).toEqual({ Delete: { Key: { id: { S: "w1" } }, TableName: Account.table().name } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Passing callback function into transaction method not allowed"));
    warn.mockRestore();
  });
});

describe("transactions: requests without tables, and Gets on a shared table", () => {
  it("builds a request with return: 'request' for tables no model has set up or registered, and sets up nothing", async () => {
    const Fresh = dynamodel.model(tableName("Fresh"), new dynamodel.Schema({ id: String }));
    const raw = [
      { Get: { TableName: Fresh.name, Key: { id: { S: "a" } } } },
      { Get: { TableName: "NoModelHere", Key: { id: { S: "b" } } } },
    ];
    expect(await dynamodel.transaction(raw, { return: "request" })).toEqual({ TransactItems: raw });
    const puts = [
      { Put: { TableName: "NoModelHere", Item: { id: { S: "c" } } } },
      { Put: { TableName: "NoModelHere", Item: { id: { S: "d" } } } },
    ];
    expect(await dynamodel.transaction(puts, { return: "request" })).toEqual({ TransactItems: puts });
    // Finding the model of a raw action by its table name did not create the model's table (nor start its setup).
    expect((Fresh as unknown as { boundTable: unknown }).boundTable).toBeUndefined();
    await expect(dynamodel.transaction([{ Get: { TableName: "NoModelHere", Key: { id: { S: "b" } } } }])).rejects.toMatchObject({
      code: "unknown_table",
    });
  });

  it("reads each item of a raw Get on a table shared by several models as the model whose schema fits it", async () => {
    const name = tableName("Shared");
    const Person = dynamodel.model(`${name}_Person`, new dynamodel.Schema({ id: String, nickname: String, email: String }));
    const Invoice = dynamodel.model(`${name}_Invoice`, new dynamodel.Schema({ id: String, total: Number, paid: Boolean }));
    const shared = new dynamodel.Table(name, [Person, Invoice], { waitForActive: { check: { frequency: 10 } } });
    await shared.initialize();
    await localClient().putItem({ TableName: name, Item: { id: { S: "p1" }, nickname: { S: "Al" }, email: { S: "al@x" } } });
    await localClient().putItem({ TableName: name, Item: { id: { S: "i1" }, total: { N: "12" }, paid: { BOOL: true } } });
    const [person, invoice] = await dynamodel.transaction([
      { Get: { TableName: name, Key: { id: { S: "p1" } } } },
      { Get: { TableName: name, Key: { id: { S: "i1" } } } },
    ]);
    expect(person).toBeInstanceOf(Person);
    expect(invoice).toBeInstanceOf(Invoice);
    expect({ ...(invoice as object) }).toEqual({ id: "i1", total: 12, paid: true });
    // A Get built by one model reads the item as the model it belongs to, as Dynamoose's table does.
    const [again] = await dynamodel.transaction([Person.transaction.get("i1")]);
    expect(again).toBeInstanceOf(Invoice);
  });
});
