import { z } from "zod";

// A malformed id in the address is simply not found, never a database error.
export const lessonIdParam = z.uuid();
