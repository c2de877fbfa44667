/**
 * Model serializers, ported from Dynamoose's test/Model.js ("Model.serializer", "Model.serializeMany",
 * "model.serialize"): argument checks, nested include/exclude paths, defaults.
 */
import { beforeEach, describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";

const makeUser = () =>
  dynamodel.model(`SerializerUser${Math.random().toString(36).slice(2)}`, {
    id: Number,
    name: String,
    friend: { type: Object, schema: { id: Number, name: String } },
  });
type User = ReturnType<typeof makeUser>;
// biome-ignore lint/suspicious/noExplicitAny: the argument checks are about calls the types forbid.
const loose = (value: unknown): any => value;

let User: User;
beforeEach(() => {
  User = makeUser();
});

describe("argument checks", () => {
  it.each<[string, () => void, string]>([
    ["add()", () => loose(User.serializer).add(), "Field name is required and should be of type string"],
    ["add({})", () => loose(User.serializer).add({}), "Field name is required and should be of type string"],
    ["add(1)", () => loose(User.serializer).add(1), "Field name is required and should be of type string"],
    ["add(name)", () => loose(User.serializer).add("mySerializer"), "Field options is required and should be an object or array"],
    [
      "add(name, string)",
      () => loose(User.serializer).add("mySerializer", "hello world"),
      "Field options is required and should be an object or array",
    ],
    ["add(name, 1)", () => loose(User.serializer).add("mySerializer", 1), "Field options is required and should be an object or array"],
    ["delete()", () => loose(User.serializer).delete(), "Field name is required and should be of type string"],
    ["delete(1)", () => loose(User.serializer).delete(1), "Field name is required and should be of type string"],
    ["delete('_default')", () => User.serializer.delete("_default"), "Can not delete primary default serializer"],
    ["default.set(5)", () => loose(User.serializer.default).set(5), "Field name is required and should be of type string"],
    ["serializeMany(object)", () => loose(User).serializeMany({ id: 1 }), "itemsArray must be an array of item objects"],
    [
      "serializeMany(items, 'random')",
      () => User.serializeMany([new User({ id: 1 })], "random"),
      "Field options is required and should be an object or array",
    ],
    ["serialize('random')", () => new User({ id: 1 }).serialize("random"), "Field options is required and should be an object or array"],
  ])("%s throws InvalidParameter", (_call, run, message) => {
    expect(run).toThrow(dynamodel.error.InvalidParameter);
    expect(run).toThrow(message);
  });
});

const two = [
  { id: 1, name: "Bob", friend: { id: 3, name: "Tom" } },
  { id: 2, name: "Tim", friend: { id: 3, name: "Tom" } },
];

describe("serializeMany and serialize", () => {
  it.each<[string, () => unknown[], unknown[]]>([
    ["no arguments", () => [], []],
    ["an empty list", () => [[]], []],
    ["include shorthand", () => [two, ["name"]], [{ name: "Bob" }, { name: "Tim" }]],
    [
      "exclude a map",
      () => [two, { exclude: ["friend"] }],
      [
        { id: 1, name: "Bob" },
        { id: 2, name: "Tim" },
      ],
    ],
    [
      "exclude a nested path",
      () => [two, { exclude: ["friend.id"] }],
      [
        { id: 1, name: "Bob", friend: { name: "Tom" } },
        { id: 2, name: "Tim", friend: { name: "Tom" } },
      ],
    ],
    ["include a nested path", () => [two, { include: ["friend.name"] }], [{ friend: { name: "Tom" } }, { friend: { name: "Tom" } }]],
    ["include then exclude", () => [two, { exclude: ["id"], include: ["id", "name"] }], [{ name: "Bob" }, { name: "Tim" }]],
    [
      "a default serializer set then reset",
      () => {
        User.serializer.add("mine", ["id"]);
        User.serializer.default.set("mine");
        User.serializer.default.set();
        return [two.map(({ id, name }) => ({ id, name }))];
      },
      [
        { id: 1, name: "Bob" },
        { id: 2, name: "Tim" },
      ],
    ],
    [
      "a default serializer deleted",
      () => {
        User.serializer.add("mine", ["id"]);
        User.serializer.default.set("mine");
        User.serializer.delete("mine");
        return [two.map(({ id }) => ({ id }))];
      },
      [{ id: 1 }, { id: 2 }],
    ],
  ])("%s", (_what, input, output) => {
    const args = input() as [never, never];
    expect(User.serializeMany(...args)).toEqual(output);
    if (Array.isArray(args[0])) {
      const items = (args[0] as Record<string, unknown>[]).map((object) => new User(object as never));
      expect(User.serializeMany(items as never, args[1])).toEqual(output);
      expect(items.map((item) => item.serialize(args[1]))).toEqual(output);
    }
  });

  it("leaves the item untouched when a nested path is excluded", () => {
    const user = new User(two[0] as never);
    expect(user.serialize({ exclude: ["friend.id"] })).toEqual({ id: 1, name: "Bob", friend: { name: "Tom" } });
    expect(user.friend).toEqual({ id: 3, name: "Tom" });
  });

  it("ignores prototype paths", () => {
    const user = new User(two[0] as never);
    expect(user.serialize({ include: ["__proto__.polluted", "constructor"] })).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
