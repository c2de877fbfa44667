/**
 * A schema-aware pass over a condition: attribute paths that start with an alias (`map`/`alias`) are rewritten
 * to the stored attribute name, so conditions, filters and key conditions accept app-side names as Dynamoose does.
 * A rewrite of the one condition walk ({@link ConditionTransformer}): only paths change.
 *
 * @module
 * @internal
 */
import type { ConditionNode, Path } from "../expression/index.js";
import { ConditionTransformer } from "../expression/condition-transformer.js";
import type { Schema } from "../schema/schema.js";
import { factOf, type SchemaFact } from "./schema-facts.js";

/** Rewrites the first segment of every path that names an alias to the stored name. */
export class AliasPass extends ConditionTransformer {
  /** @param aliases the stored name of each alias of the schema */
  constructor(private readonly aliases: ReadonlyMap<string, string>) {
    super();
  }

  protected override transformPath(path: Path): Path {
    const first = path[0];
    const stored = first?.kind === "name" ? this.aliases.get(first.name) : undefined;
    return stored === undefined ? path : Object.freeze([Object.freeze({ kind: "name", name: stored } as const), ...path.slice(1)]);
  }
}

/** The alias pass of a schema, or undefined when it has no aliases (the pass is then skipped). */
const aliasPass: SchemaFact<AliasPass | undefined> = {
  name: "alias pass",
  build(schema) {
    const aliases = new Map<string, string>();
    for (const attribute of schema.root.attributes) for (const alias of attribute.aliases) aliases.set(alias, attribute.name);
    return aliases.size === 0 ? undefined : new AliasPass(aliases);
  },
};

/** Rewrites aliased paths in `node` to stored names (returns `node` itself when nothing changes). */
export function resolveAliases(node: ConditionNode, schema: Schema): ConditionNode {
  const pass = factOf(schema, aliasPass);
  return pass === undefined ? node : pass.transformCondition(node);
}
