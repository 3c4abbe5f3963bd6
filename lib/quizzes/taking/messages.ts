// Refusals the attempt page recognises (it stops saving and shows the result),
// kept apart from the server code so the browser bundle can import them.
export const timeUpMessage = "Time is up for this attempt: this answer was not saved. Answers saved before the deadline were submitted.";
export const attemptClosedMessage = "This attempt has been submitted; answers can no longer change.";
export const attemptNotFoundMessage = "This attempt does not exist or is not yours.";

/** True for a refusal meaning the attempt is over: saving again cannot succeed. */
export const isAttemptOverMessage = (message: string) => message === timeUpMessage || message === attemptClosedMessage;
