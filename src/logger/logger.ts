/**
 * `dynamodel.logger()`: Dynamoose's logger API, built in (Dynamoose needs the `dynamoose-logger` package).
 * Providers receive `debug` events for every DynamoDB request and response, with the category
 * `aws:dynamodb:<operation>:request` / `:response`.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { unknownMatcher } from "../schema/save-unknown.js";

/** Log levels, most severe first. */
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace";
const levels: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace"];

/** One log event. */
export interface LogEvent {
  readonly id: string;
  readonly timestamp: Date;
  readonly metadata: Record<string, unknown>;
  readonly level: LogLevel;
  readonly category: string;
  readonly message: string;
  readonly payload: Record<string, unknown>;
}

/** A log provider: receives events (or only their message when `type` is `"string"`), optionally filtered. */
export interface LogProvider {
  log(event: LogEvent | string): void;
  readonly type?: "string";
  readonly id?: string;
  readonly filter?: { readonly level?: string | readonly string[]; readonly category?: string | readonly string[] };
}

/** The logger API `dynamodel.logger()` resolves. */
export interface Logger {
  readonly providers: {
    /** Replaces every provider (`console` is accepted; `null` or `[]` clears). */
    set(providers: LogProvider | Console | readonly (LogProvider | Console)[] | null): void;
    /** Adds providers. */
    add(providers: LogProvider | Console | readonly (LogProvider | Console)[]): void;
    /** Removes every provider. */
    clear(): void;
    /** Removes providers by id. */
    delete(ids: string | readonly string[]): void;
    /** The providers. */
    list(): LogProvider[];
  };
  /** Stops emitting. */
  pause(): void;
  /** Emits again. */
  resume(): void;
  /** `"active"` or `"paused"`. */
  status(): "active" | "paused";
}

let providers: LogProvider[] = [];
let paused = false;

const consoleProvider = (target: Console): LogProvider => ({
  id: "console",
  type: "string",
  log: (event) => target.log(event),
});

const normalize = (value: LogProvider | Console | readonly (LogProvider | Console)[] | null): LogProvider[] => {
  if (value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((provider: LogProvider | Console) => (provider === console ? consoleProvider(console) : (provider as LogProvider)));
};

function levelMatches(filter: string | readonly string[] | undefined, level: LogLevel): boolean {
  if (filter === undefined) return true;
  return (Array.isArray(filter) ? filter : [filter]).some((entry: string) => {
    const rank = levels.indexOf(level);
    if (entry.endsWith("+")) return rank <= levels.indexOf(entry.slice(0, -1) as LogLevel);
    if (entry.endsWith("-")) return rank >= levels.indexOf(entry.slice(0, -1) as LogLevel);
    return entry === level;
  });
}

function categoryMatches(filter: string | readonly string[] | undefined, category: string): boolean {
  if (filter === undefined) return true;
  const patterns = (Array.isArray(filter) ? filter : [filter]).map((pattern: string) => pattern.replaceAll(":", "."));
  return unknownMatcher(patterns)(category.replaceAll(":", "."));
}

/** Whether anything would receive an event (keeps the request path free when logging is off). @internal */
export const loggingEnabled = (): boolean => !paused && providers.length > 0;

/** Emits an event to every matching provider. @internal */
export function emit(level: LogLevel, category: string, message: string, payload: Record<string, unknown>): void {
  if (!loggingEnabled()) return;
  const event: LogEvent = { id: randomUUID(), timestamp: new Date(), metadata: {}, level, category, message, payload };
  for (const provider of providers) {
    if (!levelMatches(provider.filter?.level, level) || !categoryMatches(provider.filter?.category, category)) continue;
    provider.log(provider.type === "string" ? message : event);
  }
}

const api: Logger = {
  providers: {
    set: (value) => {
      providers = normalize(value);
    },
    add: (value) => {
      providers = [...providers, ...normalize(value)];
    },
    clear: () => {
      providers = [];
    },
    delete: (ids) => {
      const remove = new Set(Array.isArray(ids) ? ids : [ids]);
      providers = providers.filter((provider) => provider.id === undefined || !remove.has(provider.id));
    },
    list: () => [...providers],
  },
  pause: () => {
    paused = true;
  },
  resume: () => {
    paused = false;
  },
  status: () => (paused ? "paused" : "active"),
};

/**
 * Resolves the logger API.
 * @example
 * ```ts
 * (await dynamodel.logger()).providers.set(console); // logs every DynamoDB request and response
 * ```
 */
export const logger = (): Promise<Logger> => Promise.resolve(api);
