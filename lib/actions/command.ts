import type { z } from "zod";
import type { userAction } from "./action";

/**
 * An action's configuration (name, schema, authorize, run) without its
 * `after`: the action file adds revalidation and redirects, and the tests run
 * this very configuration through executeAction. Type-only imports, so the
 * modules that declare commands stay loadable outside a request (scripts, the worker).
 */
export type Command<S extends z.ZodType, T> = Omit<Parameters<typeof userAction<S, T>>[0], "after">;

export const command = <S extends z.ZodType, T>(config: Command<S, T>) => config;
