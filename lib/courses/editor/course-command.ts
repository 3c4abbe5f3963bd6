import type { z } from "zod";
import type { userAction } from "@/lib/actions/action";

/**
 * An editor action's configuration (name, schema, authorize, run) without its
 * `after`: the action file adds revalidation and redirects, and the tests run
 * this very configuration through executeAction.
 */
export type CourseCommand<S extends z.ZodType, T> = Omit<Parameters<typeof userAction<S, T>>[0], "after">;

export const courseCommand = <S extends z.ZodType, T>(config: CourseCommand<S, T>) => config;
