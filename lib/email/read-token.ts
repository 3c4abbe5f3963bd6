import { readUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-token";

/** For requests: a token that cannot be checked (no secret configured yet) reads as invalid, never as a 500. */
export function scopeFromToken(token: string | null | undefined): UnsubscribeScope | null {
  try {
    return readUnsubscribeToken(token);
  } catch (error) {
    console.error("[unsubscribe] cannot check tokens", error);
    return null;
  }
}
