import type { Logger } from "pino";

export type { Logger };
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";

export declare const logLevels: LogLevel[];
export declare const redactPaths: string[];
export declare function serializeError(error: unknown): Record<string, unknown>;
export declare function logLevelFrom(env?: Record<string, string | undefined>): { level: LogLevel; problem: string | null };
export declare function logFormatFrom(env?: Record<string, string | undefined>): "json" | "pretty";
export declare function formatPretty(line: string): string;
export declare function createLogger(options?: {
  level?: LogLevel;
  format?: "json" | "pretty";
  destination?: { write(line: string): unknown };
}): Logger;
export declare function logger(): Logger;
