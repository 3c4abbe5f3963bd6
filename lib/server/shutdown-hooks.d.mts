import type { Logger } from "pino";

export type ShutdownStage = "drain" | "close";
export declare function onShutdown(name: string, stage: ShutdownStage, run: () => unknown): void;
export declare function shutdownStarted(): boolean;
export declare function markShutdownStarted(): void;
export declare function runShutdownHooks(stage: ShutdownStage, logger: Pick<Logger, "info" | "error">): Promise<void>;
