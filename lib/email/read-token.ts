import { readUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-token";
import { logger } from "@/lib/logging/logger.mjs";

/** For requests: a token that cannot be checked (no secret configured yet) reads as invalid, never as a 500. */
export function scopeFromToken(token: string | null | undefined): UnsubscribeScope | null {
  try {
    return readUnsubscribeToken(token);
  } catch (error) {
    logger().error({ err: error }, "unsubscribe: cannot check tokens");
    return null;
  }
}
