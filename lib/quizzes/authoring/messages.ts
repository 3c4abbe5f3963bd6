// The quiz builder's refusals. A missing course and someone else's course read
// the same, so ids cannot be probed; the others tell the teacher what to do.

export const quizCourseNotFoundMessage = "This course does not exist, or you cannot edit it.";
export const quizNotFoundMessage = "This quiz does not exist. The page now shows the course as it is.";
export const questionNotFoundMessage = "This question does not exist. The page now shows the quiz as it is.";
export const quizModuleNotFoundMessage = "This module does not exist. The page now shows the course as it is.";
export const staleQuestionOrderMessage = "The quiz changed while you were editing. The page now shows it as it is; try again.";
export const lastQuestionMessage =
  "A published quiz needs at least one question. Add another question first, or unpublish the quiz.";
export const noQuestionsToPublishMessage = "Add at least one question before publishing the quiz.";
export const staleChoiceMessage = "A choice of this question no longer exists. Reload the page and try again.";
