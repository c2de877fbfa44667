/** Exact requests of Query and Scan (no I/O): getRequest(), index selection, explain() and the errors thrown before sending. */
import { describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";
import { userDefinition } from "./user-definition.js";

const User = dynamodel.model("QueryUnitUser", new dynamodel.Schema(userDefinition));

describe("Query.getRequest", () => {
  it("moves the hash eq and one range condition to the key condition (Appendix A, first query)", async () => {
    const request = await User.query("name")
      .eq("bob")
      .where("age")
      .between(1, 5)
      .limit(5)
      .sort("descending")
      .attributes(["id"])
      .getRequest();
    expect(request).toEqual({
      TableName: "QueryUnitUser",
      IndexName: "nameIdx",
      KeyConditionExpression: "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2",
      ProjectionExpression: "#n2",
      ExpressionAttributeNames: { "#n0": "name", "#n1": "age", "#n2": "id" },
      ExpressionAttributeValues: { ":v0": { S: "bob" }, ":v1": { N: "1" }, ":v2": { N: "5" } },
      Limit: 5,
      ScanIndexForward: false,
    });
  });

  it("object form, filter, startAt, consistent and count (Appendix A, second query)", async () => {
    const request = await User.query({ id: "a", sk: { beginsWith: "s" }, age: { gt: 3 } })
      .startAt({ id: "a", sk: "s1" })
      .consistent()
      .count()
      .getRequest();
    expect(request).toEqual({
      TableName: "QueryUnitUser",
      KeyConditionExpression: "#n0 = :v0 AND begins_with(#n1, :v1)",
      FilterExpression: "#n2 > :v2",
      ExpressionAttributeNames: { "#n0": "id", "#n1": "sk", "#n2": "age" },
      ExpressionAttributeValues: { ":v0": { S: "a" }, ":v1": { S: "s" }, ":v2": { N: "3" } },
      ExclusiveStartKey: { id: { S: "a" }, sk: { S: "s1" } },
      ConsistentRead: true,
      Select: "COUNT",
    });
  });

  it("keeps or() groups in the filter and the hash eq in the key condition", async () => {
    const request = await User.query("id")
      .eq("a")
      .and()
      .parenthesis((c) => c.where("age").lt(1).or().where("age").ge(4))
      .where("tags")
      .not()
      .contains("x")
      .getRequest();
    expect(request).toEqual({
      TableName: "QueryUnitUser",
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "(#n1 < :v1 OR #n1 >= :v2) AND NOT contains(#n2, :v3)",
      ExpressionAttributeNames: { "#n0": "id", "#n1": "age", "#n2": "tags" },
      ExpressionAttributeValues: { ":v0": { S: "a" }, ":v1": { N: "1" }, ":v2": { N: "4" }, ":v3": { S: "x" } },
    });
  });

  it("a hash condition written after the filter still becomes the key condition", async () => {
    const request = await User.query("age").gt(3).where("email").eq("a@b.c").getRequest();
    expect(request).toMatchObject({
      IndexName: "emailGlobalIndex",
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "#n1 > :v1",
      ExpressionAttributeNames: { "#n0": "email", "#n1": "age" },
    });
  });

  it("prefers an index whose range key is compared, then the table key", async () => {
    expect((await User.query("id").eq("a").where("loc").beginsWith("p").getRequest()).IndexName).toBe("locLocal");
    expect((await User.query("id").eq("a").where("sk").gt("m").getRequest()).IndexName).toBeUndefined();
    expect((await User.query("id").eq("a").where("age").gt(3).getRequest()).IndexName).toBeUndefined();
    expect((await User.query("name").eq("bob").getRequest()).IndexName).toBe("nameIdx");
  });

  it("encodes key values through the schema (a Date as stored)", async () => {
    const request = await User.query("id").eq("a").where("born").gt(new Date(5)).getRequest();
    expect(request.ExpressionAttributeValues).toEqual({ ":v0": { S: "a" }, ":v1": { N: "5" } });
  });

  it("using() names the index and the start key includes its keys", async () => {
    const request = await User.query("name").eq("bob").using("nameIdx").startAt({ id: "a", sk: "b", name: "bob", age: 3 }).getRequest();
    expect(request).toMatchObject({
      IndexName: "nameIdx",
      KeyConditionExpression: "#n0 = :v0",
      ExclusiveStartKey: { id: { S: "a" }, sk: { S: "b" }, name: { S: "bob" }, age: { N: "3" } },
    });
  });

  it("takes a DynamoDB key map as start key unchanged", async () => {
    const key = { id: { S: "a" }, sk: { S: "b" } };
    expect((await User.query("id").eq("a").startAt(key).getRequest()).ExclusiveStartKey).toEqual(key);
  });

  it("toggles count() and consistent() like Dynamoose", async () => {
    const request = await User.query("id").eq("a").count().count().consistent().consistent().getRequest();
    expect(request.Select).toBeUndefined();
    expect(request.ConsistentRead).toBeUndefined();
  });
});

describe("Query errors before sending", () => {
  it("lists every key and why it did not fit", () => {
    const error = (() => {
      try {
        User.query("age").gt(3).explain();
      } catch (e) {
        return e as Error & { code: string };
      }
      throw new Error("no error");
    })();
    expect(error.name).toBe("InvalidParameter");
    expect(error.code).toBe("index_not_found");
    expect(error.message).toContain("Index can't be found for query.");
    expect(error.message).toContain('the table key (hash "id", range "sk"): does not fit: no condition on "id"');
    expect(error.message).toContain('index "nameIdx" (global; hash "name", range "age")');
    expect(error.message).toContain('index "locLocal" (local; hash "id", range "loc")');
  });

  it("explains a hash key alone in an or() alternative, or not first, and suggests grouping", async () => {
    const alone = User.query("id").eq("a").or().where("age").gt(9);
    await expect(alone.exec()).rejects.toThrow(/"id" is only compared inside or\(\)\/not\(\)\/a group/);
    const notFirst = User.query("age").lt(1).or().where("id").eq("a").where("age").gt(9);
    await expect(notFirst.exec()).rejects.toThrow(/"id" is only compared inside or\(\)\/not\(\)\/a group/);
  });

  it("refuses in() on the hash key, an empty query and a consistent GSI read", async () => {
    await expect(User.query("id").in(["a", "b"]).getRequest()).rejects.toThrow(/query each value separately/);
    await expect(User.query().getRequest()).rejects.toThrow(/needs a condition on a hash key/);
    await expect(User.query("name").eq("bob").consistent().getRequest()).rejects.toMatchObject({
      name: "InvalidParameter",
      code: "consistent_read_on_gsi",
    });
    await expect(User.query("id").eq("a").where("loc").eq("x").consistent().getRequest()).resolves.toMatchObject({
      IndexName: "locLocal",
      ConsistentRead: true,
    });
  });

  it("limit(0) means no limit, as in Dynamoose", async () => {
    expect(await User.query("id").eq("a").limit(0).getRequest()).not.toHaveProperty("Limit");
    expect(await User.scan().limit(5).limit(0).getRequest()).not.toHaveProperty("Limit");
  });

  it("refuses bad settings synchronously", () => {
    expect(() => User.query("id").eq("a").limit(-1)).toThrow(/limit must be an integer of at least 0/);
    expect(() => User.query("id").eq("a").limit(2.5)).toThrow(/limit must be an integer/);
    expect(() =>
      User.query("id")
        .eq("a")
        .sort("up" as "ascending"),
    ).toThrow(/sort\(\) takes/);
    expect(() => User.scan().parallel(1.5)).toThrow(/parallel must be an integer/);
    expect(() => User.scan().all(-1)).toThrow(/all\(\) delay/);
    expect(() => User.query(42 as unknown as string)).toThrow(/takes a path string/);
  });
});

describe("explain()", () => {
  it("shows the index, the split and why", () => {
    const explanation = User.query("name").eq("bob").where("age").ge(18).where("email").exists().explain();
    expect(explanation).toMatchObject({
      operation: "query",
      index: "nameIdx",
      indexType: "global",
      keyCondition: 'name = "bob" AND age >= 18',
      filter: "attribute_exists(email)",
      reason:
        'index "nameIdx" (global; hash "name", range "age"): its hash and range keys are both compared ("name" = value and a key comparison on range "age")',
    });
    expect(explanation.candidates.map((c) => [c.key.name ?? "table", c.fits, c.usesRange])).toEqual([
      ["table", false, false],
      ["nameIdx", true, true],
      ["emailGlobalIndex", false, false],
      ["locLocal", false, false],
    ]);
  });

  it("explains a scan", () => {
    const explanation = User.scan("age").gt(3).using("nameIdx").parallel(2).explain();
    expect(explanation).toMatchObject({ operation: "scan", index: "nameIdx", keyCondition: undefined, filter: "age > 3" });
    expect(explanation.reason).toBe('a scan reads every item of index "nameIdx" (global; hash "name", range "age") in 2 parallel segments');
  });
});

describe("Scan.getRequest", () => {
  it("parallel, filter with a group, using (Appendix A scan)", async () => {
    const request = await User.scan()
      .parallel(3)
      .where("name")
      .eq("x")
      .and()
      .parenthesis((c) => c.where("age").lt(1).or().where("age").ge(4))
      .using("nameIdx")
      .getRequest();
    expect(request).toEqual({
      TableName: "QueryUnitUser",
      IndexName: "nameIdx",
      FilterExpression: "#n0 = :v0 AND (#n1 < :v1 OR #n1 >= :v2)",
      ExpressionAttributeNames: { "#n0": "name", "#n1": "age" },
      ExpressionAttributeValues: { ":v0": { S: "x" }, ":v1": { N: "1" }, ":v2": { N: "4" } },
      TotalSegments: 3,
    });
  });

  it("nested paths, not and ne (Appendix A)", async () => {
    const request = await User.scan("address.city")
      .eq("Paris")
      .where("age")
      .ne(3)
      .where("tags")
      .not()
      .contains("x")
      .where("name")
      .not()
      .eq("y")
      .getRequest();
    expect(request.FilterExpression).toBe("#n0.#n1 = :v0 AND #n2 <> :v1 AND NOT contains(#n3, :v2) AND #n4 <> :v3");
  });

  it("an empty scan is just the table; count drops the projection", async () => {
    expect(await User.scan().getRequest()).toEqual({ TableName: "QueryUnitUser" });
    expect(await User.scan().attributes(["id"]).count().getRequest()).toEqual({ TableName: "QueryUnitUser", Select: "COUNT" });
  });

  it("a Condition as init, and a raw FilterExpression", async () => {
    const condition = new dynamodel.Condition("age").gt(1);
    expect((await User.scan(condition).getRequest()).FilterExpression).toBe("#n0 > :v0");
    const raw = { FilterExpression: "#a > :a", ExpressionAttributeNames: { "#a": "age" }, ExpressionAttributeValues: { ":a": 2 } };
    expect(await User.scan(raw).getRequest()).toMatchObject({
      FilterExpression: "#n0 > :v0",
      ExpressionAttributeValues: { ":v0": { N: "2" } },
    });
  });
});
