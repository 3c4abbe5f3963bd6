import { z } from "zod";
import { multiLineText, oneLineText } from "@/lib/text/one-line";
import { gradingMethod, questionType, reviewPolicy } from "@/db/schema/enums";
import type { GradingMethod, QuestionType, ReviewPolicy } from "@/db/schema/enums";
import { checkQuestionData, dataFieldsShape, draftOfFields, emptyToNull, optionalNumber, toleranceField, type QuestionDataDraft } from "./question-data-fields";

// Shared by the quiz builder's forms (react-hook-form resolver) and its server
// actions, so the browser and the server refuse the same input with the same
// message next to the same field.

export const questionTypes = questionType.enumValues;
export const gradingMethods = gradingMethod.enumValues;
export const reviewPolicies = reviewPolicy.enumValues;

export const questionTypeLabels: Record<QuestionType, string> = {
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  true_false: "True / false",
  short_answer: "Short answer",
  numeric: "Numeric",
  matching: "Matching",
  ordering: "Ordering",
  cloze: "Fill in the blanks (cloze)",
  essay: "Essay",
};

export const gradingMethodLabels: Record<GradingMethod, string> = {
  highest: "Highest attempt",
  latest: "Latest attempt",
  average: "Average of attempts",
};

export const reviewPolicyLabels: Record<ReviewPolicy, string> = {
  never: "Never",
  after_submit: "After submitting",
  after_due: "After the due date",
};

/** The two fixed choices of a true/false question, in this order. */
export const trueFalseTexts = ["True", "False"] as const;

export const limits = { choices: 20, acceptedAnswers: 20, numericOthers: 20, points: 1000, timeLimit: 1440, attempts: 100 } as const;

const courseId = z.uuid("Choose a course.");
const moduleId = z.uuid("Choose a module.");
const taskId = z.uuid("Choose a quiz.");
const questionId = z.uuid("Choose a question.");
const title = oneLineText().min(1, "Enter a title.").max(200, "A title has at most 200 characters.");

const optionalWholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(emptyToNull, z.number(message).int(message).min(min, message).max(max, message).nullable());

/* ------------------------------------------------------------------ settings */

const dueAt = z.preprocess(
  (value) => {
    const empty = emptyToNull(value);
    if (empty === null) return null;
    return empty instanceof Date ? empty : new Date(String(empty));
  },
  z.date("Enter a valid date and time.").nullable(),
);

const settingsShape = {
  title,
  description: multiLineText().trim().max(5000, "A description has at most 5000 characters.").default(""),
  timeLimitMinutes: optionalWholeNumber(1, limits.timeLimit, "Enter a time limit from 1 to 1440 minutes, or leave it empty."),
  unlimitedAttempts: z.boolean().default(false),
  attemptsAllowed: optionalWholeNumber(1, limits.attempts, "Enter a number of attempts from 1 to 100."),
  gradingMethod: z.enum(gradingMethods, "Choose how attempts are combined."),
  shuffleQuestions: z.boolean().default(false),
  shuffleChoices: z.boolean().default(false),
  partialCredit: z.boolean().default(false),
  reviewPolicy: z.enum(reviewPolicies, "Choose when students may review their answers."),
  dueAt,
};

type SettingsCheck = {
  unlimitedAttempts: boolean;
  attemptsAllowed: number | null;
  reviewPolicy: ReviewPolicy;
  dueAt: Date | null;
};

/** Rules across fields; `now` is injectable so tests can pin the clock. */
function checkSettings(value: SettingsCheck, context: z.RefinementCtx, now = new Date()) {
  if (!value.unlimitedAttempts && value.attemptsAllowed === null) {
    context.addIssue({ code: "custom", path: ["attemptsAllowed"], message: "Enter a number of attempts, or choose unlimited attempts." });
  }
  if (value.dueAt && value.dueAt.getTime() <= now.getTime()) {
    context.addIssue({ code: "custom", path: ["dueAt"], message: "The due date must be in the future." });
  }
  if (value.reviewPolicy === "after_due" && !value.dueAt) {
    context.addIssue({ code: "custom", path: ["reviewPolicy"], message: "Set a due date to show answers after it." });
  }
}

// Unlimited attempts store null; a number typed before ticking "unlimited" is dropped.
const settingsOutput = <T extends { unlimitedAttempts: boolean; attemptsAllowed: number | null }>(value: T) => ({
  ...value,
  attemptsAllowed: value.unlimitedAttempts ? null : value.attemptsAllowed,
});

export const quizSettingsSchema = z.object(settingsShape).superRefine((value, context) => checkSettings(value, context)).transform(settingsOutput);
export const updateQuizSettingsSchema = z
  .object({ courseId, taskId, ...settingsShape })
  .superRefine((value, context) => checkSettings(value, context))
  .transform(settingsOutput);

export const createQuizSchema = z.object({ courseId, moduleId, title });
export const quizRefSchema = z.object({ courseId, taskId });
export const deleteQuizSchema = quizRefSchema;
export const regradeQuizSchema = quizRefSchema;
export const publishQuizSchema = z.object({ courseId, taskId, publish: z.boolean() });
export const moveQuizSchema = z.object({ courseId, taskId, toModuleId: moduleId });

/* ----------------------------------------------------------------- questions */

const marksMessage = "Enter the marks as a whole share from 1 to 100 (%).";
/** An answer's marks in percent of the question's points; absent or empty is full marks. */
// Its range is checked with the type's other rules (checkQuestion): a row the
// form keeps hidden after a change of type must not block saving.
const marksShare = z.preprocess((value) => emptyToNull(value) ?? 100, z.number(marksMessage).finite(marksMessage)).default(100);
const isMarksShare = (weight: number) => Number.isInteger(weight) && weight >= 1 && weight <= 100;

const choiceSchema = z.object({
  /** The stored choice's id, kept so students' saved picks still point at it; absent for a new choice. */
  id: z
    .string()
    .max(100, "This choice no longer exists. Reload the page.")
    .nullish()
    .transform((value) => value || null)
    .pipe(z.uuid("This choice no longer exists. Reload the page.").nullable()),
  text: oneLineText().max(500, "A choice has at most 500 characters."),
  isCorrect: z.boolean().default(false),
});

export const questionShape = {
  type: z.enum(questionTypes, "Choose the kind of question."),
  text: multiLineText().trim().min(1, "Write the question.").max(5000, "A question has at most 5000 characters."),
  points: z.preprocess(
    emptyToNull,
    z
      .number("Enter the points as a whole number greater than 0.")
      .int("Enter the points as a whole number greater than 0.")
      .min(1, "Enter the points as a whole number greater than 0.")
      .max(limits.points, `A question is worth at most ${limits.points} points.`),
  ),
  explanation: multiLineText().trim().max(5000, "An explanation has at most 5000 characters.").default(""),
  choices: z.array(choiceSchema).max(limits.choices, `A question has at most ${limits.choices} choices.`).default([]),
  // Objects rather than strings: the form's list of answers needs one object per row.
  acceptedAnswers: z
    .array(
      z.object({
        value: oneLineText().max(200, "An accepted answer has at most 200 characters."),
        // Absent (older API clients): full marks.
        weight: marksShare,
      }),
    )
    .max(limits.acceptedAnswers, `A question has at most ${limits.acceptedAnswers} accepted answers.`)
    .default([]),
  numericValue: optionalNumber("Enter the correct value as a number.").default(null),
  numericTolerance: toleranceField.default(0),
  /** A numeric question's other accepted values, each with its tolerance and share of the points. */
  numericOthers: z
    .array(
      z.object({
        value: optionalNumber("Enter the value as a number."),
        tolerance: toleranceField,
        weight: marksShare,
      }),
    )
    .max(limits.numericOthers, `A question has at most ${limits.numericOthers} other accepted values.`)
    .default([]),
  // Matching, ordering, cloze and essay content (question-data-fields.ts).
  ...dataFieldsShape,
};

type QuestionCheck = z.output<z.ZodObject<typeof dataFieldsShape>> & {
  type: QuestionType;
  text: string;
  choices: { text: string; isCorrect: boolean }[];
  acceptedAnswers: { value: string; weight: number }[];
  numericValue: number | null;
  numericOthers: { value: number | null; weight: number }[];
};

const isChoiceType = (type: QuestionType) => type === "single_choice" || type === "multiple_choice" || type === "true_false";

/** What each kind of question needs to be answerable and gradable. */
export function checkQuestion(value: QuestionCheck, context: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path, message });
  if (isChoiceType(value.type)) {
    if (value.type === "true_false" && value.choices.length !== 2) {
      issue(["choices"], "A true/false question has exactly the choices True and False.");
      return;
    }
    value.choices.forEach((choice, index) => {
      if (value.type !== "true_false" && !choice.text) issue(["choices", index, "text"], "Write the choice's text, or remove it.");
    });
    if (value.choices.length < 2) issue(["choices"], "Add at least two choices.");
    const correct = value.choices.filter((choice) => choice.isCorrect).length;
    if (value.type === "multiple_choice") {
      if (correct === 0) issue(["choices"], "Mark at least one choice as correct.");
    } else if (correct !== 1) {
      issue(["choices"], value.type === "true_false" ? "Choose whether the statement is true or false." : "Mark exactly one choice as correct.");
    }
  }
  if (value.type === "short_answer") {
    value.acceptedAnswers.forEach((answer, index) => {
      if (!answer.value) issue(["acceptedAnswers", index, "value"], "Write the accepted answer, or remove it.");
    });
    if (value.acceptedAnswers.length === 0) issue(["acceptedAnswers"], "Add at least one accepted answer.");
    value.acceptedAnswers.forEach((answer, index) => {
      if (!isMarksShare(answer.weight)) issue(["acceptedAnswers", index, "weight"], marksMessage);
    });
    if (value.acceptedAnswers.length > 0 && !value.acceptedAnswers.some((answer) => answer.weight === 100)) issue(["acceptedAnswers"], "Give at least one accepted answer full marks (100%).");
  }
  if (value.type === "numeric") {
    if (value.numericValue === null) issue(["numericValue"], "Enter the correct value.");
    value.numericOthers.forEach((other, index) => {
      if (other.value === null) issue(["numericOthers", index, "value"], "Enter the value, or remove it.");
      if (!isMarksShare(other.weight)) issue(["numericOthers", index, "weight"], marksMessage);
    });
  }
  checkQuestionData(value, issue);
}

export interface NormalizedQuestion {
  type: QuestionType;
  text: string;
  points: number;
  explanation: string;
  choices: { id: string | null; text: string; isCorrect: boolean }[];
  acceptedAnswers: string[];
  numericValue: number | null;
  numericTolerance: number;
  /**
   * A matching, ordering, cloze or essay question's content, with null ids
   * for rows added in the form: the server assigns them when it stores the
   * data (question-data-form.ts); a short answer's partly right answers or a
   * numeric question's other values. Absent otherwise.
   */
  data?: QuestionDataDraft;
}

/** A short answer's partly right answers or a numeric question's other values, as a draft; undefined when there are none. */
function answerExtrasDraft(value: Pick<z.output<z.ZodObject<typeof questionShape>>, "type" | "acceptedAnswers" | "numericOthers">): QuestionDataDraft | undefined {
  if (value.type === "short_answer") {
    const partial = value.acceptedAnswers.filter((answer) => answer.weight < 100).map((answer) => ({ text: answer.value, weight: answer.weight }));
    return partial.length > 0 ? { kind: "short_answer", partial } : undefined;
  }
  if (value.type === "numeric") {
    // A value left empty is refused by checkQuestion; it never reaches a saved draft.
    const others = value.numericOthers.flatMap(({ value: number, tolerance, weight }) => (number === null ? [] : [{ value: number, tolerance, weight }]));
    return others.length > 0 ? { kind: "numeric", others } : undefined;
  }
  return undefined;
}

/** Only the fields the chosen type uses are kept: a short answer keeps no choices, and so on. */
export function normalizeQuestion<T extends z.output<z.ZodObject<typeof questionShape>>>(value: T) {
  const choiceType = isChoiceType(value.type);
  const normalized: NormalizedQuestion = {
    type: value.type,
    text: value.text,
    points: value.points,
    explanation: value.explanation,
    choices: !choiceType
      ? []
      : value.type === "true_false"
        ? value.choices.map((choice, index) => ({ ...choice, text: trueFalseTexts[index]! }))
        : value.choices,
    acceptedAnswers: value.type === "short_answer" ? value.acceptedAnswers.filter((answer) => answer.weight === 100).map((answer) => answer.value) : [],
    numericValue: value.type === "numeric" ? value.numericValue : null,
    numericTolerance: value.type === "numeric" ? value.numericTolerance : 0,
  };
  const data = draftOfFields(value.type, value) ?? answerExtrasDraft(value);
  if (data) normalized.data = data;
  return normalized;
}

export const questionSchema = z.object(questionShape).superRefine(checkQuestion).transform(normalizeQuestion);

export const saveQuestionSchema = z
  .object({
    courseId,
    taskId,
    /** Absent: a new question at the end of the quiz. */
    questionId: z
      .string()
      .max(100, "Choose a question.")
      .nullish()
      .transform((value) => value || null)
      .pipe(questionId.nullable()),
    ...questionShape,
  })
  .superRefine(checkQuestion)
  .transform((value) => ({ courseId: value.courseId, taskId: value.taskId, questionId: value.questionId, question: normalizeQuestion(value) }));

const slotId = z.uuid("Choose a question of the quiz.");
/** Takes one slot (a chosen question or a random draw) out of the quiz. */
export const deleteQuestionSchema = z.object({ courseId, taskId, slotId });
export const reorderQuestionsSchema = z.object({
  courseId,
  taskId,
  slotIds: z
    .array(slotId)
    .max(500, "Too many questions.")
    .refine((ids) => new Set(ids).size === ids.length, "A question appears twice in the new order."),
});

export type QuizSettingsInput = z.input<typeof quizSettingsSchema>;
export type QuizSettingsValues = z.output<typeof quizSettingsSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionValues = z.output<typeof questionSchema>;
