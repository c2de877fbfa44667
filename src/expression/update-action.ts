/**
 * The update AST: `SET`, `REMOVE`, `ADD` and `DELETE` actions, compiled by `compileUpdate`.
 *
 * @module
 */
import type { AttributeValueOperand, PathOperand, ValueOperand } from "./operand.js";
import { operand } from "./operand.js";
import { type Path, toPath } from "./path.js";

/** `if_not_exists(path, value)`. @example `if_not_exists(#n0, :v0)` */
export interface IfNotExistsOperand {
  readonly kind: "if_not_exists";
  readonly path: Path;
  readonly value: UpdateOperand;
}

/** `list_append(left, right)`. @example `list_append(#n0, :v0)` */
export interface ListAppendOperand {
  readonly kind: "list_append";
  readonly left: UpdateOperand;
  readonly right: UpdateOperand;
}

/** `left + right`. @example `#n0 + :v0` */
export interface PlusOperand {
  readonly kind: "plus";
  readonly left: UpdateOperand;
  readonly right: UpdateOperand;
}

/** `left - right`. @example `#n0 - :v0` */
export interface MinusOperand {
  readonly kind: "minus";
  readonly left: UpdateOperand;
  readonly right: UpdateOperand;
}

/**
 * What a `SET` writes: a value, another path, or a function of those.
 *
 * @example
 * ```ts
 * const v: UpdateOperand = updateAction.plus(operand.path("count"), operand.value(1)); // #n0 + :v0
 * ```
 */
export type UpdateOperand =
  | PathOperand
  | ValueOperand
  | AttributeValueOperand
  | IfNotExistsOperand
  | ListAppendOperand
  | PlusOperand
  | MinusOperand;

/** `SET path = value`. @example `SET #n0 = :v0` */
export interface SetAction {
  readonly kind: "set";
  readonly path: Path;
  readonly value: UpdateOperand;
}

/** `REMOVE path`. @example `REMOVE #n0` */
export interface RemoveAction {
  readonly kind: "remove";
  readonly path: Path;
}

/** `ADD path value` (numbers and sets). @example `ADD #n0 :v0` */
export interface AddAction {
  readonly kind: "add";
  readonly path: Path;
  readonly value: ValueOperand | AttributeValueOperand;
}

/** `DELETE path value` (removes elements from a set). @example `DELETE #n0 :v0` */
export interface DeleteAction {
  readonly kind: "delete";
  readonly path: Path;
  readonly value: ValueOperand | AttributeValueOperand;
}

/**
 * One update action; `compileUpdate` groups them by clause.
 *
 * @example
 * ```ts
 * const actions: UpdateAction[] = [updateAction.set("name", "bob"), updateAction.remove("nickname")];
 * ```
 */
export type UpdateAction = SetAction | RemoveAction | AddAction | DeleteAction;

/**
 * Factories for update actions and update operands (readonly by type; their paths frozen). `set`, `add` and `delete` take user values;
 * `setTo` takes an {@link UpdateOperand} (a path, `ifNotExists`, `listAppend`, `plus`, `minus`).
 *
 * @example
 * ```ts
 * compileUpdate([
 *   updateAction.set("name", "bob"),
 *   updateAction.setTo("count", updateAction.plus(operand.path("count"), operand.value(1))),
 *   updateAction.remove("nickname"),
 *   updateAction.add("tags", new Set(["x"])),
 * ], registry); // "SET #n0 = :v0, #n1 = #n1 + :v1 REMOVE #n2 ADD #n3 :v2"
 * ```
 */
export const updateAction = {
  /** `SET path = :value`. @example updateAction.set("name", "bob") */
  set: (path: string | Path, value: unknown): SetAction => ({ kind: "set", path: toPath(path), value: operand.value(value) }),
  /** `SET path = <operand>`. @example updateAction.setTo("a", operand.path("b")) // SET #n0 = #n1 */
  setTo: (path: string | Path, value: UpdateOperand): SetAction => ({ kind: "set", path: toPath(path), value }),
  /** `REMOVE path`. @example updateAction.remove("nickname") */
  remove: (path: string | Path): RemoveAction => ({ kind: "remove", path: toPath(path) }),
  /** `ADD path :value`. @example updateAction.add("count", 1) */
  add: (path: string | Path, value: unknown): AddAction => ({ kind: "add", path: toPath(path), value: operand.value(value) }),
  /** `DELETE path :value`. @example updateAction.delete("tags", new Set(["x"])) */
  delete: (path: string | Path, value: unknown): DeleteAction => ({ kind: "delete", path: toPath(path), value: operand.value(value) }),
  /** `if_not_exists(path, :value)`. @example updateAction.ifNotExists("count", 0) // if_not_exists(#n0, :v0) */
  ifNotExists: (path: string | Path, value: unknown): IfNotExistsOperand => ({
    kind: "if_not_exists",
    path: toPath(path),
    value: operand.value(value),
  }),
  /** `list_append(left, right)`. @example updateAction.listAppend(operand.path("log"), operand.value(["x"])) */
  listAppend: (left: UpdateOperand, right: UpdateOperand): ListAppendOperand => ({ kind: "list_append", left, right }),
  /** `left + right`. @example updateAction.plus(operand.path("n"), operand.value(1)) */
  plus: (left: UpdateOperand, right: UpdateOperand): PlusOperand => ({ kind: "plus", left, right }),
  /** `left - right`. @example updateAction.minus(operand.path("n"), operand.value(1)) */
  minus: (left: UpdateOperand, right: UpdateOperand): MinusOperand => ({ kind: "minus", left, right }),
} as const;
