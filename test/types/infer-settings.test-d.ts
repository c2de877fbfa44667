import { describe, expectTypeOf, it } from "vitest";
import type { InferInput, InferItem } from "../../src/schema/infer.js";
import { def, settings } from "./define.js";

const d = def({ id: { type: String, hashKey: true }, age: Number });

describe("timestamps", () => {
  it("`true` adds createdAt and updatedAt: present when read, optional on input", () => {
    const s = settings({ timestamps: true });
    expectTypeOf<InferItem<typeof d, typeof s>>().toEqualTypeOf<{
      id: string;
      age?: number;
      createdAt: Date;
      updatedAt: Date;
    }>();
    expectTypeOf<InferInput<typeof d, typeof s>>().toEqualTypeOf<{
      id: string;
      age?: number;
      createdAt?: Date | number;
      updatedAt?: Date | number;
    }>();
  });

  it("`false` adds nothing", () => {
    const s = settings({ timestamps: false });
    expectTypeOf<InferItem<typeof d, typeof s>>().toEqualTypeOf<{ id: string; age?: number }>();
  });

  it("custom names, null to disable, a side left out adds nothing", () => {
    const s1 = settings({ timestamps: { createdAt: "created", updatedAt: null } });
    expectTypeOf<InferItem<typeof d, typeof s1>>().toEqualTypeOf<{ id: string; age?: number; created: Date }>();
    const s2 = settings({ timestamps: { updatedAt: "modified" } });
    expectTypeOf<InferItem<typeof d, typeof s2>>().toEqualTypeOf<{ id: string; age?: number; modified: Date }>();
  });

  it("arrays of names and `{ name: definition }` forms", () => {
    const s = settings({
      timestamps: {
        createdAt: ["created", "born"],
        updatedAt: { modified: { type: { value: Date, settings: { storage: "seconds" } } } },
      },
    });
    expectTypeOf<InferItem<typeof d, typeof s>>().toEqualTypeOf<{
      id: string;
      age?: number;
      created: Date;
      born: Date;
      modified: Date;
    }>();
  });
});

describe("saveUnknown", () => {
  it("`true` adds an index signature; known attributes keep their types", () => {
    const s = settings({ saveUnknown: true });
    type Item = InferItem<typeof d, typeof s>;
    expectTypeOf<Item>().toEqualTypeOf<{ [name: string]: unknown; id: string; age?: number }>();
    expectTypeOf<Item["age"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Item["whatever"]>().toEqualTypeOf<unknown>();
    const ok: InferInput<typeof d, typeof s> = { id: "1", extra: { deep: true } };
    // @ts-expect-error known attributes are still checked
    const bad: InferInput<typeof d, typeof s> = { id: "1", age: "x" };
    // @ts-expect-error the hash key is still required
    const missing: InferInput<typeof d, typeof s> = { extra: 1 };
    expectTypeOf([ok, bad, missing]).not.toBeAny();
  });

  it("a list of paths adds an index signature too; an empty list or `false` does not", () => {
    const list = settings({ saveUnknown: ["extra", "meta.**"] });
    expectTypeOf<InferItem<typeof d, typeof list>>().toEqualTypeOf<{ [name: string]: unknown; id: string; age?: number }>();
    const none = settings({ saveUnknown: [] });
    expectTypeOf<InferItem<typeof d, typeof none>>().toEqualTypeOf<{ id: string; age?: number }>();
    const off = settings({ saveUnknown: false });
    expectTypeOf<InferItem<typeof d, typeof off>>().toEqualTypeOf<{ id: string; age?: number }>();
  });

  it("combines with timestamps", () => {
    const s = settings({ saveUnknown: true, timestamps: { createdAt: "created" } });
    expectTypeOf<InferItem<typeof d, typeof s>>().toEqualTypeOf<{
      [name: string]: unknown;
      id: string;
      age?: number;
      created: Date;
    }>();
  });
});
