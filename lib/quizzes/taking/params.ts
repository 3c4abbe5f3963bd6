import { z } from "zod";

// A malformed id in the address is simply not found, never a database error.
const uuid = z.uuid();
export const isUuid = (value: string) => uuid.safeParse(value).success;
