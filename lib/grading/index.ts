export * from "./types";
export { gradeQuestion, isAnswered, normaliseShortAnswer, parseNumericAnswer, withinTolerance } from "./grade-question";
export { gradeAttempt, percentOf } from "./grade-attempt";
export { combineAttempts } from "./combine-attempts";
export { roundPoints } from "./round";
