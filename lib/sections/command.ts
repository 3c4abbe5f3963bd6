import type { z } from "zod";
import type { userAction } from "@/lib/actions/action";

// An action's configuration without its `after`: the action files add
// revalidation, and the integration tests run these very configurations
// through executeAction.
type Command<S extends z.ZodType, T> = Omit<Parameters<typeof userAction<S, T>>[0], "after">;
export const command = <S extends z.ZodType, T>(config: Command<S, T>) => config;
