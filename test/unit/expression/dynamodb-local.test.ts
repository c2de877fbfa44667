/**
 * Compiled expressions run on DynamoDB Local: DynamoDB accepts every shape the compilers emit, and they mean
 * what the tests above pin.
 */
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  Condition,
  type ConditionNode,
  compileCondition,
  compileProjection,
  compileUpdate,
  cond,
  ExpressionRegistry,
  operand,
  updateAction,
} from "../../../src/expression/index.js";
import { localClientConfig } from "../../support/dynamodb-local.js";

const client = new DynamoDBClient(localClientConfig(inject("dynamodbEndpoint")));
const TableName = `expression_${process.pid}_${Date.now()}`;
const item = {
  id: "a",
  age: 5,
  tags: new Set(["x", "y"]),
  order: 1,
  "a.b": 2,
  "ünï code": "z",
  __proto__x: "p",
  m: { l: [1, 2, 3], s: "hello" },
};

beforeAll(async () => {
  await client.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  await client.send(new PutItemCommand({ TableName, Item: marshall(item) }));
  await client.send(new PutItemCommand({ TableName, Item: marshall({ id: "b", age: 50 }) }));
});

afterAll(() => client.destroy());

async function matches(node: ConditionNode): Promise<string[]> {
  const registry = new ExpressionRegistry();
  const FilterExpression = compileCondition(node, registry);
  const result = await client.send(new ScanCommand({ TableName, FilterExpression, ...registry.toParams() }));
  return (result.Items ?? []).map((i) => String(unmarshall(i)["id"])).sort();
}

describe("on DynamoDB Local", () => {
  it("accepts and evaluates every condition shape", async () => {
    expect(await matches(cond.eq("age", 5))).toEqual(["a"]);
    expect(await matches(cond.not(cond.not(cond.eq("age", 5))))).toEqual(["a"]);
    expect(await matches(cond.not(cond.between("age", 1, 10)))).toEqual(["b"]);
    expect(await matches(cond.not(cond.in("age", [5, 6])))).toEqual(["b"]);
    expect(await matches(cond.compare("eq", operand.size("tags"), operand.value(2)))).toEqual(["a"]);
    expect(await matches(cond.inOperands(operand.size("m.l"), [operand.value(3), operand.value(4)]))).toEqual(["a"]);
    expect(await matches(cond.attributeType("tags", "SS"))).toEqual(["a"]);
    expect(await matches(cond.contains("tags", "x"))).toEqual(["a"]);
    expect(await matches(cond.not(cond.contains("tags", "x")))).toEqual(["b"]);
    expect(await matches(cond.beginsWith("m.s", "he"))).toEqual(["a"]);
    expect(await matches(cond.eq("m.l[1]", 2))).toEqual(["a"]);
    expect(await matches(cond.compare("lt", operand.path("order"), operand.path("age")))).toEqual(["a"]);
    expect(await matches(cond.and(cond.eq("order", 1), cond.eq([{ kind: "name", name: "a.b" }], 2), cond.eq("ünï code", "z")))).toEqual([
      "a",
    ]);
    expect(await matches(cond.attributeExists("__proto__x"))).toEqual(["a"]);
    expect(await matches(cond.attributeNotExists("tags"))).toEqual(["b"]);
  });

  it("evaluates precedence as the chain means it", async () => {
    // a OR b AND c  ==  a OR (b AND c): "b" matches through a
    const chain = new Condition().where("age").eq(50).or().where("age").eq(5).where("order").eq(99);
    expect(await matches(chain.toNode() as ConditionNode)).toEqual(["b"]);
    // (a OR b) AND c
    const grouped = new Condition()
      .group((c) => c.where("age").eq(50).or().where("age").eq(5))
      .where("order")
      .eq(1);
    expect(await matches(grouped.toNode() as ConditionNode)).toEqual(["a"]);
  });

  it("accepts raw nodes next to built ones", async () => {
    const raw = cond.raw("#n0 = :v0 OR #a = :a", { "#n0": "age", "#a": "id" }, { ":v0": { N: "50" }, ":a": "a" });
    expect(await matches(cond.and(cond.attributeExists("age"), raw))).toEqual(["a", "b"]);
  });

  it("runs an update with every clause, a condition and a projection sharing one registry", async () => {
    const registry = new ExpressionRegistry();
    const UpdateExpression = compileUpdate(
      [
        updateAction.setTo("age", updateAction.plus(operand.path("age"), operand.value(1))),
        updateAction.setTo("m.l", updateAction.listAppend(operand.path("m.l"), operand.value([4]))),
        updateAction.setTo("count", updateAction.ifNotExists("count", 10)),
        updateAction.remove("order"),
        updateAction.add("tags", new Set(["z"])),
        updateAction.set("m.s", "bye"),
      ],
      registry,
    );
    const ConditionExpression = compileCondition(new Condition("age").eq(5).toNode() as ConditionNode, registry);
    await client.send(
      new UpdateItemCommand({ TableName, Key: marshall({ id: "a" }), UpdateExpression, ConditionExpression, ...registry.toParams() }),
    );
    // DELETE on "tags" in its own request: one update may not touch a path twice
    const registry2 = new ExpressionRegistry();
    const UpdateExpression2 = compileUpdate([updateAction.delete("tags", new Set(["x"]))], registry2);
    await client.send(
      new UpdateItemCommand({ TableName, Key: marshall({ id: "a" }), UpdateExpression: UpdateExpression2, ...registry2.toParams() }),
    );

    const projection = new ExpressionRegistry();
    const ProjectionExpression = compileProjection(["age", "m", "count", "tags", "order"], projection);
    const got = await client.send(
      new GetItemCommand({ TableName, Key: marshall({ id: "a" }), ProjectionExpression, ...projection.toParams() }),
    );
    expect(unmarshall(got.Item ?? {})).toEqual({ age: 6, m: { l: [1, 2, 3, 4], s: "bye" }, count: 10, tags: new Set(["y", "z"]) });
  });
});
