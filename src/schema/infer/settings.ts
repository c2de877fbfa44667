/**
 * What schema settings add to an inferred item: timestamp attributes and unknown attributes. @internal
 *
 * @module
 */
/** The attribute names one side (`createdAt` or `updatedAt`) of a `timestamps` object declares. @internal */
type TimestampSideNames<N> = N extends string
  ? N
  : N extends readonly (infer E)[]
    ? E & string
    : N extends null | undefined
      ? never
      : N extends object
        ? keyof N & string
        : never;

/**
 * The timestamp attribute names a settings object declares: `timestamps: true` gives `"createdAt" | "updatedAt"`;
 * the object form gives the names chosen on each side (a side left out or `null` adds nothing). @internal
 */
export type TimestampNames<S> = S extends { readonly timestamps: infer T }
  ? T extends true
    ? "createdAt" | "updatedAt"
    : T extends object
      ?
          | (T extends { readonly createdAt: infer N } ? TimestampSideNames<N> : never)
          | (T extends { readonly updatedAt: infer N } ? TimestampSideNames<N> : never)
      : never
  : never;

/** `true` when the settings keep unknown attributes (`saveUnknown: true` or a non-empty list). @internal */
export type AllowsUnknown<S> = S extends { readonly saveUnknown: infer U }
  ? U extends true
    ? true
    : U extends readonly []
      ? false
      : U extends readonly unknown[]
        ? true
        : false
  : false;

/** The version attribute name of `version: true` (`"version"`) or `version: "rev"` (`"rev"`); `never` without locking. @internal */
export type VersionName<S> = S extends { readonly version: infer V } ? (V extends true ? "version" : V extends string ? V : never) : never;

/** The version attribute: always present when read, optional on input (it is the version expected). @internal */
export type Versioned<S, M> = [VersionName<S>] extends [never]
  ? {}
  : M extends "item"
    ? { [K in VersionName<S>]: number }
    : { [K in VersionName<S>]?: number };
