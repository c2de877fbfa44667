/**
 * `Model.serializer`: named ways to turn items into plain objects (`include`, `exclude`, `modify`), with Dynamoose's
 * argument checks.
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";
import { omitPaths, pickPaths } from "../bind/dotted-paths.js";

/**
 * A serializer: attributes to keep or drop (dotted paths reach nested ones: `"friend.id"`), and a final transform.
 * A list is shorthand for `include`.
 */
export type SerializerOptions =
  | readonly string[]
  | {
      /** Only these attributes. */
      readonly include?: readonly string[];
      /** All attributes but these. */
      readonly exclude?: readonly string[];
      /** Changes the serialized object (`original` is the item), returning the result. */
      modify?(serialized: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown>;
    };

const DEFAULT = "_default";

const badName = (): InvalidParameter =>
  new InvalidParameter("Field name is required and should be of type string", {
    code: "invalid_serializer",
    expected: "a non-empty string",
  });
const badOptions = (): InvalidParameter =>
  new InvalidParameter("Field options is required and should be an object or array", {
    code: "invalid_serializer",
    expected: "an object or array",
  });

function checkName(name: unknown): asserts name is string {
  if (typeof name !== "string" || name === "") throw badName();
}

function isOptions(options: unknown): options is SerializerOptions {
  return typeof options === "object" && options !== null;
}

/** The serializers of one model. */
export class Serializers {
  private readonly named = new Map<string, SerializerOptions>();
  private defaultName = DEFAULT;

  /**
   * Registers a serializer under `name`.
   * @example `User.serializer.add("public", { exclude: ["password", "friend.email"] })`
   */
  add(name: string, options: SerializerOptions): void {
    checkName(name);
    if (!isOptions(options)) throw badOptions();
    this.named.set(name, options);
  }

  /** Removes a serializer (`"_default"`, the built-in one, can not be removed). */
  delete(name: string): void {
    checkName(name);
    if (name === DEFAULT) throw new InvalidParameter("Can not delete primary default serializer", { code: "invalid_serializer" });
    this.named.delete(name);
    if (this.defaultName === name) this.defaultName = DEFAULT;
  }

  /** `serializer.default.set(name?)`: the serializer used when none is named (no name: the built-in shallow copy). */
  readonly default = {
    set: (name?: string | null): void => {
      if (name === undefined || name === null) {
        this.defaultName = DEFAULT;
        return;
      }
      checkName(name);
      if (name === DEFAULT || this.named.has(name)) this.defaultName = name;
    },
  };

  /** Serializes one item; an unknown serializer name throws `InvalidParameter`. @internal */
  serialize(item: Record<string, unknown>, nameOrOptions?: unknown): Record<string, unknown> {
    const chosen = nameOrOptions ?? this.defaultName;
    if (chosen === DEFAULT) return { ...item };
    const options = typeof chosen === "string" ? this.named.get(chosen) : chosen;
    if (!isOptions(options)) throw badOptions();
    if (Array.isArray(options)) return pickPaths(item, options);
    const spec = options as Exclude<SerializerOptions, readonly string[]>;
    let out = spec.include ? pickPaths(item, spec.include) : { ...item };
    if (spec.exclude) out = omitPaths(out, spec.exclude);
    if (typeof spec.modify === "function") out = spec.modify(out, { ...item });
    return out;
  }
}
