/** The schema definition the query unit tests share: a table key, a GSI with a range key, a GSI, an LSI and nested values. */
export const userDefinition = {
  id: { type: String, hashKey: true },
  sk: { type: String, rangeKey: true },
  name: { type: String, index: { name: "nameIdx", rangeKey: "age" } },
  age: Number,
  email: { type: String, index: true },
  loc: { type: String, index: { type: "local", name: "locLocal" } },
  born: { type: Date },
  tags: { type: Set, schema: [String] },
  address: { type: Object, schema: { city: String } },
} as const;
