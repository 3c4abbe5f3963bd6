export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: FieldErrors };

/** An expected refusal (bad input, a rule of the domain): rolls back and is shown to the user. */
export class ActionFailure extends Error {
  constructor(
    readonly userMessage: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(userMessage);
    this.name = "ActionFailure";
  }
}

export function fail(message: string, fieldErrors: FieldErrors = {}): never {
  throw new ActionFailure(message, fieldErrors);
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
  ) {}
}

export const invalidInputMessage = "Some fields need your attention.";
