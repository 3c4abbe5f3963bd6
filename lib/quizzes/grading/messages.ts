// Refusals of essay grading. Another teacher's attempt and a missing one read
// the same, so ids cannot be probed.

export const essayAttemptNotFoundMessage = "This attempt does not exist, or you cannot grade it.";
export const essayQuestionNotFoundMessage = "This question is not part of the attempt.";
export const essayOpenAttemptMessage = "The student has not submitted this attempt yet: grade it once it is submitted.";
export const notAnEssayMessage = "Only essay questions are graded by hand; the others are graded automatically.";
export const essayNotAnsweredMessage = "The student did not answer this question: there is nothing to grade.";
export const pointsAboveMaxMessage = (max: number) => `Enter at most ${max} points: the question is worth ${max} in this attempt.`;
