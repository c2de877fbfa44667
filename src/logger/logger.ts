/**
 * `dynamodel.logger()`: Dynamoose's logger API, built in (Dynamoose needs the `dynamoose-logger` package).
 * Providers receive `debug` events for every DynamoDB request and response, with the category
 * `aws:dynamodb:<operation>:request` / `:response`.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { unknownMatcher } from "../dotted-match.js";

/** Log levels, most severe first. */
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace";
const levels: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace"];

/** One log event. */
export interface LogEvent {
  /** A random UUID. */
  readonly id: string;
  /** When the event happened. */
  readonly timestamp: Date;
  /** Extra data (empty today). */
  readonly metadata: Record<string, unknown>;
  /** The event's level (`"debug"` for requests and responses). */
  readonly level: LogLevel;
  /** `aws:dynamodb:<operation>:request` or `:response`. */
  readonly category: string;
  /** The request or response as JSON text. */
  readonly message: string;
  /** The request (`payload.request`) or response (`payload.response`) object. */
  readonly payload: Record<string, unknown>;
}

/** A log provider: receives events (or only their message when `type` is `"string"`), optionally filtered. */
export interface LogProvider {
  /** Receives each matching event (its `message` alone when `type` is `"string"`). */
  log(event: LogEvent | string): void;
  /** `"string"`: `log` receives the message text instead of the event. */
  readonly type?: "string";
  /** For `providers.delete(id)`. */
  readonly id?: string;
  /** Which events to receive. */
  readonly filter?: {
    /** A level, `"debug+"` (that level and more severe), `"info-"` (that level and less severe), or a list. */
    readonly level?: string | readonly string[];
    /** A category or a pattern with `*` (one part) and `**` (any parts), or a list. */
    readonly category?: string | readonly string[];
  };
}

/**
 * The global `console` (Node's or a browser's), which is accepted as a provider. Written structurally so that the
 * declarations need neither `@types/node` nor the DOM lib (an unresolved `Console` would make the parameter `any`).
 */
export interface ConsoleLike {
  /** Writes a line. */
  log(...data: unknown[]): void;
  /** Writes a warning. */
  warn(...data: unknown[]): void;
  /** Writes an error. */
  error(...data: unknown[]): void;
}

/** The logger API `dynamodel.logger()` resolves. */
export interface Logger {
  /** The providers that receive the events. */
  readonly providers: {
    /** Replaces every provider (`console` is accepted; `null` or `[]` clears). */
    set(providers: LogProvider | ConsoleLike | readonly (LogProvider | ConsoleLike)[] | null): void;
    /** Adds providers. */
    add(providers: LogProvider | ConsoleLike | readonly (LogProvider | ConsoleLike)[]): void;
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

const consoleProvider = (target: ConsoleLike): LogProvider => ({
  id: "console",
  type: "string",
  log: (event) => target.log(event),
});

const normalize = (value: LogProvider | ConsoleLike | readonly (LogProvider | ConsoleLike)[] | null): LogProvider[] => {
  if (value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((provider: LogProvider | ConsoleLike) => (provider === console ? consoleProvider(console) : (provider as LogProvider)));
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
