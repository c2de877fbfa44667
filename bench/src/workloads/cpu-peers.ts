/**
 * ElectroDB's and DynamoDB-Toolbox's bodies for the CPU workloads, written with their documented APIs, and the
 * checks that they produce what the others do before they are timed.
 *
 * Both build DocumentClient-level requests (native values), which the DocumentClient `marshall`s before sending;
 * the bodies include that `marshall`, as the raw baselines do, so that every contender ends at the same
 * low-level AttributeValues dynamodel and Dynamoose produce.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { EntityFormatter } from "dynamodb-toolbox/entity/actions/format";
import { EntityParser } from "dynamodb-toolbox/entity/actions/parse";
import { PutItemCommand } from "dynamodb-toolbox/entity/actions/put";
import { $add, $remove, UpdateItemCommand } from "dynamodb-toolbox/entity/actions/update";
import { QueryCommand } from "dynamodb-toolbox/table/actions/query";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { UserInput } from "../fixtures.js";
import { sameItems } from "../lib/compare-items.js";
import { electroUser } from "../peers/electrodb-user.js";
import { toolboxUser } from "../peers/toolbox-user.js";

type Map = Record<string, AttributeValue>;
type Params = { Item?: Record<string, unknown>; Key?: Record<string, unknown>; ExpressionAttributeValues?: Record<string, unknown> };

/** What the DocumentClient does to a request's native values before sending it. */
function marshalled<T extends Params>(params: T): T {
  return {
    ...params,
    ...(params.Item ? { Item: marshall(params.Item, { removeUndefinedValues: true }) } : {}),
    ...(params.Key ? { Key: marshall(params.Key) } : {}),
    ...(params.ExpressionAttributeValues ? { ExpressionAttributeValues: marshall(params.ExpressionAttributeValues, { removeUndefinedValues: true }) } : {}),
  };
}

/** What the peers' bodies call, by CPU row (a note of each row). */
export const PEER_CALLS: Readonly<Record<string, string>> = {
  serialize: "ElectroDB put(item).params().Item, Toolbox EntityParser.parse(item).item, each through marshall (their DocumentClient's)",
  "create request": "ElectroDB create(item).params(), Toolbox PutItemCommand.item(item).options({condition}).params(), each through marshall",
  deserialize: "ElectroDB entity.parse({Item: unmarshall(map)}) (sets read as arrays), Toolbox EntityFormatter.format(unmarshall(map))",
  "compile query": "ElectroDB query.byTeam().where().params({attributes}), Toolbox QueryCommand…options({filters, attributes}).params(), values through marshall",
  "compile update": "ElectroDB update().set().add().remove().where().params(), Toolbox UpdateItemCommand with $add/$remove .params(), values through marshall",
};

/** ElectroDB takes a set attribute's value as an array (its documented input). */
const electroInput = (input: UserInput) => ({ ...input, tags: [...input.tags] });

/** The bodies of one peer for each CPU workload (`i` indexes the fixtures). */
export interface PeerBodies {
  serialize(input: UserInput): unknown;
  createRequest(input: UserInput): unknown;
  deserialize(map: Map): unknown;
  compileQuery(i: number): unknown;
  compileUpdate(i: number): unknown;
}

/** ElectroDB: `put(item).params()`, `create(item).params()`, `parse({Item})`, `query.byTeam(…).where(…).params()`, `update(…)….params()`. */
export function electrodbBodies(table: string): PeerBodies {
  const User = electroUser(DynamoDBDocumentClient.from(new DynamoDBClient({ region: "local" })), table);
  return {
    serialize: (input) => marshalled(User.put(electroInput(input)).params()).Item,
    createRequest: (input) => marshalled(User.create(electroInput(input)).params()),
    deserialize: (map) => User.parse({ Item: unmarshall(map) }).data,
    compileQuery: (i) =>
      marshalled(
        User.query
          .byTeam({ team: `t${i % 16}` })
          .where(({ age, tags, balance }, { gte, contains }) => `${gte(age, 18 + (i % 5))} AND ${contains(tags, "member")} AND ${gte(balance, 0)}`)
          .params({ attributes: ["id", "email", "name"] }),
      ),
    compileUpdate: (i) =>
      marshalled(
        User.update({ id: `u${i}` })
          .set({ name: `Renamed ${i}`, age: 20 + (i % 50) })
          .add({ balance: 5 })
          .remove(["tags"])
          .where(({ age }, { gte }) => gte(age, 18))
          .params({ response: "all_new" }),
      ),
  };
}

/** DynamoDB-Toolbox: `EntityParser.parse`, `PutItemCommand…params()`, `EntityFormatter.format`, `QueryCommand…params()`, `UpdateItemCommand…params()`. */
export function toolboxBodies(name: string): PeerBodies {
  const { table, entity } = toolboxUser(DynamoDBDocumentClient.from(new DynamoDBClient({ region: "local" })), name);
  const parser = entity.build(EntityParser);
  const formatter = entity.build(EntityFormatter);
  return {
    serialize: (input) => marshall(parser.parse(input).item, { removeUndefinedValues: true }),
    createRequest: (input) =>
      marshalled(
        entity
          .build(PutItemCommand)
          .item(input)
          .options({ condition: { attr: "id", exists: false } })
          .params(),
      ),
    deserialize: (map) => formatter.format(unmarshall(map)),
    compileQuery: (i) =>
      marshalled(
        table
          .build(QueryCommand)
          .entities(entity)
          .query({ index: "team-index", partition: `t${i % 16}` })
          .options({
            filters: { User: { and: [{ attr: "age", gte: 18 + (i % 5) }, { attr: "tags", contains: "member" }, { attr: "balance", gte: 0 }] } },
            attributes: ["id", "email", "name"],
          })
          .params(),
      ),
    compileUpdate: (i) =>
      marshalled(
        entity
          .build(UpdateItemCommand)
          .item({ id: `u${i}`, name: `Renamed ${i}`, age: 20 + (i % 50), balance: $add(5), tags: $remove() })
          .options({ condition: { attr: "age", gte: 18 }, returnValues: "ALL_NEW" })
          .params(),
      ),
  };
}

/** The native values of a request's ExpressionAttributeValues (what it sends, whatever the placeholders), timestamps aside. */
const values = (request: unknown): string[] =>
  Object.values(unmarshall(((request as Params).ExpressionAttributeValues ?? {}) as Map))
    .filter((value) => !(typeof value === "number" && value > 1e12))
    .map((value) => JSON.stringify(value instanceof Set ? [...value] : value));
/** The attribute names a request's expressions reference. */
const names = (request: unknown): string[] => Object.values((request as { ExpressionAttributeNames?: Record<string, string> }).ExpressionAttributeNames ?? {});
/** What `theirs` lacks of `mine`, and what it has more. */
const compare = (mine: readonly string[], theirs: readonly string[]) => ({
  missing: mine.filter((value) => !theirs.includes(value)),
  extra: [...new Set(theirs.filter((value) => !mine.includes(value)))],
});

/** What dynamodel does on the same inputs, to check a peer against. */
export interface Reference {
  serialize(input: UserInput): Map;
  deserialize(map: Map): Record<string, unknown>;
  query(i: number): Promise<unknown>;
  update(i: number): Promise<unknown>;
}

/**
 * Checks a peer's bodies against dynamodel's on the same input: the same stored item (timestamps aside), the same
 * fields read, and requests that reference at least the same attribute names and send at least the same values.
 * `problem` is what differs (`null`: none); `notes` says what a peer's requests carry beyond that.
 */
export async function checkPeer(peer: PeerBodies, reference: Reference, input: UserInput, map: Map): Promise<{ problem: string | null; notes: string[] }> {
  const notes: string[] = [];
  const stored = sameItems([unmarshall(reference.serialize(input))], [unmarshall(peer.serialize(input) as Map)], true);
  if (stored) return { problem: `serialize: ${stored}`, notes };
  const created = sameItems([unmarshall(reference.serialize(input))], [unmarshall((peer.createRequest(input) as { Item: Map }).Item)], true);
  if (created) return { problem: `create request: ${created}`, notes };
  const read = sameItems([reference.deserialize(map)], [peer.deserialize(map) as Record<string, unknown>]);
  if (read) return { problem: `deserialize: ${read}`, notes };
  for (const [what, mine, theirs] of [
    ["compile query", await reference.query(7), peer.compileQuery(7)],
    ["compile update", await reference.update(7), peer.compileUpdate(7)],
  ] as const) {
    const byValue = compare(values(mine), values(theirs));
    const byName = compare(names(mine), names(theirs));
    if (byValue.missing.length > 0) return { problem: `${what}: sends no ${byValue.missing.join(", ")}`, notes };
    if (byName.missing.length > 0) return { problem: `${what}: references no ${byName.missing.join(", ")}`, notes };
    if (byName.extra.length > 0) notes.push(`${what} also references ${byName.extra.join(", ")}`);
  }
  return { problem: null, notes };
}
