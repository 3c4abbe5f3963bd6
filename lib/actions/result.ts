export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: FieldErrors };

/**
 * What kind of refusal it is. Forms only show the message; the REST API
 * answers with the matching status (422, 404, 403, 409). Without a kind, a
 * refusal with field errors is invalid input and any other is a conflict with
 * the current state (a rule of the domain).
 */
export type FailureKind = "invalid" | "not_found" | "forbidden" | "unauthenticated" | "conflict";

/** An expected refusal (bad input, a rule of the domain): rolls back and is shown to the user. */
export class ActionFailure extends Error {
  constructor(
    readonly userMessage: string,
    readonly fieldErrors: FieldErrors = {},
    readonly kind?: FailureKind,
  ) {
    super(userMessage);
    this.name = "ActionFailure";
  }
}

export function fail(message: string, fieldErrors: FieldErrors = {}, kind?: FailureKind): never {
  throw new ActionFailure(message, fieldErrors, kind);
}

/** A refusal because the record does not exist, or is not the actor's to see (the two read the same). */
export function missing(message: string): never {
  throw new ActionFailure(message, {}, "not_found");
}

export function failureKindOf(failure: { fieldErrors: FieldErrors; kind?: FailureKind }): FailureKind {
  return failure.kind ?? (Object.keys(failure.fieldErrors).length > 0 ? "invalid" : "conflict");
}

/**
 * A refusal whose writes are kept: returned (not thrown) from an action's work
 * when the attempt itself must be recorded, such as a wrong enrolment key that
 * counts towards throttling.
 */
export class KeptRefusal {
  constructor(
    readonly userMessage: string,
    readonly fieldErrors: FieldErrors = {},
    readonly kind?: FailureKind,
  ) {}
}

export const invalidInputMessage = "Some fields need your attention.";
