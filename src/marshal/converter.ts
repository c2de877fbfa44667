/**
 * `dynamodel.aws.converter`: the marshalling functions of `@aws-sdk/util-dynamodb`, replaceable globally, as in
 * Dynamoose. dynamodel's schema plans convert items themselves (faster, and safe with `__proto__` and
 * `constructor` keys); the converter is kept for code that calls it directly.
 *
 * @module
 */
import { convertToAttr, convertToNative, marshall, unmarshall } from "@aws-sdk/util-dynamodb";

/** The four conversion functions. */
export interface Converter {
  marshall: typeof marshall;
  unmarshall: typeof unmarshall;
  convertToAttr: typeof convertToAttr;
  convertToNative: typeof convertToNative;
}

/** `aws.converter`: call it for the current converter. */
export interface ConverterHolder {
  (): Converter;
  /** Replaces the converter (all four functions are required). */
  set(converter: Converter): void;
  /** Back to `@aws-sdk/util-dynamodb`. */
  revert(): void;
}

const defaults: Converter = { marshall, unmarshall, convertToAttr, convertToNative };
let current: Converter = defaults;

/** The global converter holder. */
export const converter: ConverterHolder = Object.assign(() => current, {
  set(next: Converter) {
    current = next;
  },
  revert() {
    current = defaults;
  },
});
