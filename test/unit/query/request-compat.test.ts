/** Exact requests of two Dynamoose behaviours: or() after the hash key equality that starts a query, and using() an index the schema does not declare. */
import { describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";
import { userDefinition } from "./user-definition.js";

const User = dynamodel.model("QueryCompatUser", new dynamodel.Schema(userDefinition));

const HOISTED =
  'the first comparison, "id" = value, is the hash key: it keys the query and the rest of the chain (with its or()) filters the partition, as in Dynamoose';

describe("or() after the hash key equality that starts a query (Dynamoose issue #963)", () => {
  it("keys the query with the first comparison and filters with the rest of the chain", async () => {
    const query = User.query("id").eq("x").where("age").eq(1).or().where("age").eq(2);
    expect(await query.getRequest()).toEqual({
      TableName: "QueryCompatUser",
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "#n1 = :v1 OR #n1 = :v2",
      ExpressionAttributeNames: { "#n0": "id", "#n1": "age" },
      ExpressionAttributeValues: { ":v0": { S: "x" }, ":v1": { N: "1" }, ":v2": { N: "2" } },
    });
    const explanation = query.explain();
    expect(explanation).toMatchObject({ index: undefined, indexType: "table", keyCondition: 'id = "x"', filter: "age = 1 OR age = 2" });
    expect(explanation.reason).toBe(`the table key (hash "id", range "sk"): ${HOISTED}`);
    expect(explanation.candidates.map((c) => [c.key.name ?? "table", c.fits])).toEqual([
      ["table", true],
      ["nameIdx", false],
      ["emailGlobalIndex", false],
      ["locLocal", false],
    ]);
  });

  it("means the same as the grouped chain", async () => {
    const grouped = await User.query("id")
      .eq("x")
      .parenthesis((c) => c.where("age").eq(1).or().where("age").eq(2))
      .getRequest();
    expect(grouped.FilterExpression).toBe("(#n1 = :v1 OR #n1 = :v2)");
    const flat = await User.query("id").eq("x").where("age").eq(1).or().where("age").eq(2).getRequest();
    expect(flat.KeyConditionExpression).toBe(grouped.KeyConditionExpression);
    expect(flat.ExpressionAttributeValues).toEqual(grouped.ExpressionAttributeValues);
  });

  it("keeps the rest of the first AND group and later groups in the filter", async () => {
    const request = await User.query("id")
      .eq("x")
      .where("age")
      .gt(1)
      .where("tags")
      .contains("t")
      .or()
      .where("age")
      .eq(2)
      .where("email")
      .exists()
      .getRequest();
    expect(request).toMatchObject({
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "#n1 > :v1 AND contains(#n2, :v2) OR #n1 = :v3 AND attribute_exists(#n3)",
      ExpressionAttributeNames: { "#n0": "id", "#n1": "age", "#n2": "tags", "#n3": "email" },
    });
  });

  it("works with the object form and inside a leading parenthesis", async () => {
    const object = await User.query({ id: "x", age: 1 }).or().where("age").eq(2).getRequest();
    expect(object).toMatchObject({ KeyConditionExpression: "#n0 = :v0", FilterExpression: "#n1 = :v1 OR #n1 = :v2" });
    const leading = await User.query()
      .parenthesis((c) => c.where("id").eq("x").where("age").eq(1).or().where("age").eq(2))
      .where("email")
      .exists()
      .getRequest();
    expect(leading).toMatchObject({
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "(#n1 = :v1 OR #n1 = :v2) AND attribute_exists(#n2)",
    });
  });

  it("picks an index by the first comparison's hash key, with or without using()", async () => {
    const expected = {
      TableName: "QueryCompatUser",
      IndexName: "nameIdx",
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "#n1 = :v1 OR #n1 = :v2",
      ExpressionAttributeNames: { "#n0": "name", "#n1": "age" },
      ExpressionAttributeValues: { ":v0": { S: "bob" }, ":v1": { N: "1" }, ":v2": { N: "2" } },
    };
    const query = () => User.query("name").eq("bob").where("age").eq(1).or().where("age").eq(2);
    expect(await query().getRequest()).toEqual(expected);
    expect(await query().using("nameIdx").getRequest()).toEqual(expected);
    expect(query().using("nameIdx").explain().reason).toBe(
      'index "nameIdx" (global; hash "name", range "age") chosen by using(); the first comparison, "name" = value, is the hash key: it keys the query and the rest of the chain (with its or()) filters the partition, as in Dynamoose',
    );
    // The table key and its local index share "id": the table key is preferred, using() picks the index.
    expect((await User.query("id").eq("x").where("age").eq(1).or().where("age").eq(2).using("locLocal").getRequest()).IndexName).toBe(
      "locLocal",
    );
  });

  it("does not change a chain whose top-level AND part fits", async () => {
    const request = await User.query("id")
      .eq("x")
      .parenthesis((c) => c.where("age").eq(1).or().where("age").eq(2))
      .getRequest();
    expect(request.FilterExpression).toBe("(#n1 = :v1 OR #n1 = :v2)");
    expect(User.query("id").eq("x").where("age").gt(1).explain().reason).toBe(
      'the table key (hash "id", range "sk"): the table key is preferred ("id" = value; no key comparison on range "sk")',
    );
  });

  it("still refuses a first comparison that is no hash key equality, or a using() index it does not key", async () => {
    await expect(User.query("age").eq(1).or().where("id").eq("x").getRequest()).rejects.toMatchObject({ code: "index_not_found" });
    await expect(User.query("id").ne("x").where("age").eq(1).or().where("age").eq(2).getRequest()).rejects.toMatchObject({
      code: "index_not_found",
    });
    await expect(User.query("id").not().eq("x").where("age").eq(1).or().where("age").eq(2).getRequest()).rejects.toMatchObject({
      code: "index_not_found",
    });
    await expect(User.query("id").eq("x").where("age").eq(1).or().where("id").eq("y").getRequest()).rejects.toThrow(
      /"id" is only compared inside or\(\)/,
    );
    const wrongIndex = User.query("id").eq("x").where("age").eq(1).or().where("age").eq(2).using("nameIdx");
    await expect(wrongIndex.getRequest()).rejects.toThrow(/using\("nameIdx"\) does not fit the condition/);
  });

  it("gives the same request from the template cache, with other values", async () => {
    const build = (id: string, a: number) =>
      User.query("id")
        .eq(id)
        .where("age")
        .eq(a)
        .or()
        .where("age")
        .eq(a + 1)
        .getRequest();
    await build("x", 1);
    expect(await build("y", 5)).toMatchObject({ ExpressionAttributeValues: { ":v0": { S: "y" }, ":v1": { N: "5" }, ":v2": { N: "6" } } });
  });
});

describe("using() an index the schema does not declare", () => {
  const ASSUMED =
    'index "external" is not declared in the schema: its keys are taken to be the table\'s (id, sk); declare it in the schema if they differ';

  it("scan sends IndexName as given and says the index is not declared", async () => {
    const scan = User.scan("age").gt(3).using("external");
    expect(await scan.getRequest()).toEqual({
      TableName: "QueryCompatUser",
      IndexName: "external",
      FilterExpression: "#n0 > :v0",
      ExpressionAttributeNames: { "#n0": "age" },
      ExpressionAttributeValues: { ":v0": { N: "3" } },
    });
    expect(scan.explain()).toMatchObject({
      index: "external",
      indexType: "undeclared",
      reason: 'a scan reads every item of index "external" (not declared in the schema)',
    });
  });

  it("query takes the table's keys for the key condition, and explains that assumption", async () => {
    const query = User.query("id").eq("x").where("sk").beginsWith("a").where("age").gt(3).using("external");
    expect(await query.getRequest()).toEqual({
      TableName: "QueryCompatUser",
      IndexName: "external",
      KeyConditionExpression: "#n0 = :v0 AND begins_with(#n1, :v1)",
      FilterExpression: "#n2 > :v2",
      ExpressionAttributeNames: { "#n0": "id", "#n1": "sk", "#n2": "age" },
      ExpressionAttributeValues: { ":v0": { S: "x" }, ":v1": { S: "a" }, ":v2": { N: "3" } },
    });
    expect(query.explain()).toMatchObject({ index: "external", indexType: "undeclared" });
    expect(query.explain().reason).toBe(`${ASSUMED}; "id" = value and a key comparison on range "sk"`);
    expect(User.query("id").eq("x").where("age").eq(1).or().where("age").eq(2).using("external").explain().reason).toBe(
      `${ASSUMED}; ${HOISTED}`,
    );
  });

  it("allows a consistent read (DynamoDB refuses it if the index is global)", async () => {
    expect(await User.query("id").eq("x").using("external").consistent().getRequest()).toMatchObject({
      IndexName: "external",
      ConsistentRead: true,
    });
    expect(await User.scan().using("external").consistent().getRequest()).toMatchObject({ IndexName: "external", ConsistentRead: true });
  });

  it("sends a query whose condition does not fit the table's keys, keyed by its first equality (Dynamoose sends IndexName as given)", async () => {
    const query = User.query("name").eq("bob").where("age").gt(3).using("external");
    expect(await query.getRequest()).toEqual({
      TableName: "QueryCompatUser",
      IndexName: "external",
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "#n1 > :v1",
      ExpressionAttributeNames: { "#n0": "name", "#n1": "age" },
      ExpressionAttributeValues: { ":v0": { S: "bob" }, ":v1": { N: "3" } },
    });
    const explanation = query.explain();
    expect(explanation).toMatchObject({ index: "external", indexType: "undeclared", keyCondition: 'name = "bob"', filter: "age > 3" });
    expect(explanation.reason).toContain(
      'index "external" is not declared in the schema and the condition does not fit the table\'s keys (id, sk), so its hash key is taken to be "name"',
    );
    expect(await User.query("name").eq("bob").using("external").getRequest()).toMatchObject({
      IndexName: "external",
      KeyConditionExpression: "#n0 = :v0",
    });
    const or = await User.query("name").eq("bob").where("age").eq(1).or().where("age").eq(2).using("external").getRequest();
    expect(or).toMatchObject({ KeyConditionExpression: "#n0 = :v0", FilterExpression: "#n1 = :v1 OR #n1 = :v2" });
  });

  it("refuses a chain that no equality starts (DynamoDB needs a key condition), naming the assumption", async () => {
    const error = await User.query("name")
      .gt("bob")
      .using("external")
      .getRequest()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InvalidParameter", code: "index_not_found" });
    expect((error as Error).message).toContain('using("external") does not fit the condition');
    expect((error as Error).message).toContain('index "external" (not declared in the schema): does not fit: no condition on "id"');
  });
});

describe("index choice follows Dynamoose, not the order of the chain", () => {
  const Cat = dynamodel.model(
    "QueryCompatCat",
    new dynamodel.Schema({ id: { type: Number, hashKey: true }, name: { type: String, index: true }, favoriteNumber: Number }),
  );

  it("a chain starting with a GSI hash key and also comparing the table hash key reads the table (Dynamoose's test/Query.js)", async () => {
    const query = Cat.query("name").eq("Charlie").filter("id").eq(1);
    expect(await query.getRequest()).toEqual({
      TableName: "QueryCompatCat",
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "#n1 = :v1",
      ExpressionAttributeNames: { "#n0": "id", "#n1": "name" },
      ExpressionAttributeValues: { ":v0": { N: "1" }, ":v1": { S: "Charlie" } },
    });
    expect(query.explain().reason).toBe(
      'the table key (hash "id"): the table key is preferred ("id" = value); index "nameGlobalIndex" fits too (as in Dynamoose, the order of the chain does not choose the key): using("nameGlobalIndex") reads it instead',
    );
    expect((await Cat.query("name").eq("Charlie").and().where("id").eq(1).using("nameGlobalIndex").getRequest()).IndexName).toBe(
      "nameGlobalIndex",
    );
  });
});
