import type { Server } from "node:http";
import type { Logger } from "pino";
import type { ShutdownStage } from "./shutdown-hooks.mjs";

export declare const defaultShutdownTimeoutMs: number;
export declare function parseShutdownTimeout(raw: string | undefined): { ok: true; ms: number } | { ok: false; error: string };
export declare function createGracefulShutdown(options: {
  server: Pick<Server, "close" | "closeIdleConnections" | "closeAllConnections">;
  timeoutMs?: number;
  logger: Pick<Logger, "info" | "warn" | "error">;
  closeApp?: () => Promise<unknown>;
  runHooks?: (stage: ShutdownStage) => Promise<void>;
  exit?: (code: number) => void;
}): (signal: string) => Promise<void>;
