/**
 * `Model.serializer`: named ways to turn items into plain objects (`include`, `exclude`, `modify`).
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";

/** A serializer: attributes to keep or drop, and a final transform. A list is shorthand for `include`. */
export type SerializerOptions =
  | readonly string[]
  | {
      readonly include?: readonly string[];
      readonly exclude?: readonly string[];
      modify?(serialized: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown>;
    };

/** The serializers of one model. */
export class Serializers {
  private readonly named = new Map<string, SerializerOptions>();
  private defaultName = "_default";

  /** Registers a serializer under `name`. */
  add(name: string, options: SerializerOptions): void {
    if (typeof name !== "string" || name === "") throw new InvalidParameter("Field name is required and must be a string.", { code: "invalid_serializer" });
    if (typeof options !== "object" || options === null) throw new InvalidParameter("Field options is required and must be an object or array.", { code: "invalid_serializer" });
    this.named.set(name, options);
  }

  /** Removes a serializer. */
  delete(name: string): void {
    if (name === "_default") throw new InvalidParameter("Can not delete primary default serializer.", { code: "invalid_serializer" });
    this.named.delete(name);
    if (this.defaultName === name) this.defaultName = "_default";
  }

  /** `serializer.default.set(name?)`: the serializer used when none is named. */
  readonly default = {
    set: (name?: string): void => {
      if (name === undefined) this.defaultName = "_default";
      else if (this.named.has(name)) this.defaultName = name;
    },
  };

  /** Serializes one item. @internal */
  serialize(item: Record<string, unknown>, nameOrOptions?: unknown): Record<string, unknown> {
    const options =
      nameOrOptions === undefined
        ? this.named.get(this.defaultName)
        : typeof nameOrOptions === "string"
          ? this.named.get(nameOrOptions)
          : (nameOrOptions as SerializerOptions);
    const copy: Record<string, unknown> = { ...item };
    if (!options) return copy;
    const spec = Array.isArray(options) ? { include: options as readonly string[] } : (options as Exclude<SerializerOptions, readonly string[]>);
    let out: Record<string, unknown> = copy;
    if (spec.include) out = Object.fromEntries(spec.include.filter((key) => Object.hasOwn(copy, key)).map((key) => [key, copy[key]]));
    if (spec.exclude) for (const key of spec.exclude) delete out[key];
    if ("modify" in spec && typeof spec.modify === "function") out = spec.modify(out, { ...item });
    return out;
  }
}
