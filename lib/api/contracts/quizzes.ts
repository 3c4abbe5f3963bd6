import { z } from "zod";
import { attemptStatus, gradingMethod, questionType, reviewPolicy, taskStatus } from "@/db/schema/enums";
import type { AttemptReaderView } from "@/lib/quizzes/attempt-reader";
import { answerResponseSchema, saveAnswerSchema } from "@/lib/quizzes/taking/schemas";
import { defineContract, idParam, isoOrNull, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Quizzes and their attempts: read a quiz; start, answer and submit an
// attempt as its student; read attempts as the student or the course's teacher.

const quizParams = z.object({ taskId: idParam("The quiz's id (the id of its learning task).") });
const attemptParams = z.object({ attemptId: idParam("The attempt's id.") });
const personSchema = z.object({ id: z.uuid(), name: z.string() });

export const quizSchema = z.object({
  taskId: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  description: z.string().describe("Markdown."),
  status: z.enum(taskStatus.enumValues).describe("Students only ever find published quizzes; the course's teacher and admins find drafts too."),
  dueAt: timestampSchema
    .nullable()
    .describe("No new attempts after it; an attempt's deadline never passes it. For a student: its own due date when its teacher gave it one."),
  timeLimitMinutes: z.number().int().nullable().describe("Null: no time limit. For a student: its own when it has an override."),
  attemptsAllowed: z.number().int().nullable().describe("Null: unlimited. For a student: its own when it has an override."),
  dueAtOverridden: z.boolean().describe("True when `dueAt` is the student's own (an extension); always false for teachers and admins."),
  timeLimitOverridden: z.boolean().describe("True when `timeLimitMinutes` is the student's own."),
  attemptsOverridden: z.boolean().describe("True when `attemptsAllowed` is the student's own."),
  attemptsUsed: z.number().int().nullable().describe("The caller's attempts so far; null for the course's teacher and admins, who do not take quizzes."),
  attemptsLeft: z.number().int().nullable().describe("How many more attempts the caller may start; null when unlimited, and for teachers and admins."),
  gradingMethod: z.enum(gradingMethod.enumValues).describe("How several attempts combine into the grade."),
  reviewPolicy: z
    .enum(reviewPolicy.enumValues)
    .describe("When a student sees the right answers and explanations of its submitted attempt: never, after_submit or after_due."),
  questionCount: z.number().int(),
  maxPoints: z.number().describe("The questions' points together."),
  openAttemptId: z.uuid().nullable().describe("The caller's attempt in progress, if any."),
  score: z
    .object({ points: z.number(), maxPoints: z.number() })
    .nullable()
    .describe("The caller's submitted attempts combined by the grading method; null before the first, and for teachers and admins."),
});

export const getQuizContract = defineContract({
  method: "GET",
  path: "/api/v1/quizzes/{taskId}",
  operationId: "getQuiz",
  tag: "Quizzes",
  summary: "A quiz: its settings, size and the caller's attempts",
  description:
    "What the quiz's intro page shows: settings, the number of questions and points, and for a student its attempts used and left, " +
    "its open attempt and its score. Enrolled students of the course (published quizzes only), its teacher, a teacher of one of its sections and admins; " +
    "for anyone else the quiz is not found. Never contains a right answer: the questions come with an attempt. " +
    "A quiz not released to the student yet answers 403 `locked`, with `lockedReasons` and `opensAt`.",
  access: "user",
  params: quizParams,
  response: quizSchema,
  errors: [403, 404],
});

export const attemptRowSchema = z.object({
  id: z.uuid(),
  student: personSchema,
  attemptNumber: z.number().int(),
  status: z.enum(attemptStatus.enumValues),
  startedAt: timestampSchema,
  deadlineAt: timestampSchema.nullable().describe("When time runs out (fixed at start); null without a time limit or due date."),
  submittedAt: timestampSchema.nullable(),
  scorePoints: z.number().nullable().describe("Null while in progress."),
  maxPoints: z.number().int().nullable(),
  scorePercent: z.number().nullable(),
});

export const listAttemptsContract = defineContract({
  method: "GET",
  path: "/api/v1/quizzes/{taskId}/attempts",
  operationId: "listQuizAttempts",
  tag: "Quizzes",
  summary: "Attempts at a quiz",
  description:
    "A student gets its own attempts; the course's teacher and admins get every student's (filter with `studentId`), a section teacher its sections' students' only. " +
    "Oldest first, one page at a time: attempts started meanwhile only join the end. " +
    "Attempts left open past their deadline are submitted (and graded) first, as the pages do. Others: 404.",
  access: "user",
  params: quizParams,
  query: z.object({
    status: z.enum(attemptStatus.enumValues, { error: "Filter by in_progress, submitted or expired." }).optional().describe("Only attempts in this state."),
    studentId: z.uuid({ error: "Give a student's id." }).optional().describe("Teachers and admins: only this student's attempts."),
    ...pageQueryShape,
  }),
  response: pageSchema(attemptRowSchema),
  errors: [404, 422],
});

const idText = z.object({ id: z.uuid(), text: z.string() });

// What a student sees of a matching, ordering, cloze or essay question: texts and ids, shuffled per attempt, never the key.
const studentQuestionDataSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("matching"),
      prompts: z.array(idText).describe("Each to be matched with one answer."),
      answers: z.array(idText).describe("The answers (and any distractors), shuffled for this attempt."),
    }),
    z.object({ kind: z.literal("ordering"), items: z.array(idText).describe("The items to order, shuffled for this attempt (never in the right order).") }),
    z.object({
      kind: z.literal("cloze"),
      gaps: z
        .array(
          z.discriminatedUnion("kind", [
            z.object({ kind: z.enum(["short_answer", "numeric"]) }),
            z.object({ kind: z.literal("dropdown"), options: z.array(idText) }),
          ]),
        )
        .describe("The blanks by index: blank n is written `[[n]]` (1-based) in the question's text."),
    }),
    z.object({ kind: z.literal("essay") }),
  ])
  .nullable()
  .describe("Matching, ordering, cloze and essay: what the answer is made of. Null for the other types.");

const studentQuestionSchema = z.object({
  id: z.uuid(),
  number: z.number().int().describe("Its place in this attempt's order (1, 2, …), which may be shuffled per attempt."),
  type: z.enum(questionType.enumValues),
  text: z.string().describe("Markdown. For cloze, blank n is the marker `[[n]]`."),
  points: z.number().int(),
  choices: z.array(idText).describe("In this attempt's order; empty for the types without choices."),
  data: studentQuestionDataSchema,
  answer: answerResponseSchema
    .nullable()
    .describe(
      "The answer saved so far: `{ choiceIds }`, `{ text }` (short answer, numeric, essay), `{ matches: { promptId: answerId } }`, " +
        "`{ order: [itemId, …] }` or `{ gaps: [text or option id, …] }`; null when none.",
    ),
});

const dataReviewSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("matching"),
      prompts: z.array(
        z.object({ id: z.uuid(), text: z.string(), givenAnswer: z.string().nullable().describe("Null when left unmatched."), rightAnswer: z.string(), correct: z.boolean() }),
      ),
    }),
    z.object({
      kind: z.literal("ordering"),
      given: z.array(z.object({ id: z.uuid(), text: z.string(), inPlace: z.boolean() })).describe("The order given; empty when not answered."),
      right: z.array(idText),
    }),
    z.object({
      kind: z.literal("cloze"),
      blanks: z.array(
        z.object({
          number: z.number().int(),
          kind: z.enum(["short_answer", "numeric", "dropdown"]),
          given: z.string().describe("The text typed, or the picked option's text; empty when left blank."),
          accepted: z.array(z.string()).describe("What earns points, with its share when less than all."),
          pointsAwarded: z.number(),
          points: z.number().int(),
        }),
      ),
    }),
  ])
  .nullable()
  .describe("Matching, ordering and cloze: the answer given beside the key. Null for the other types.");

const reviewQuestionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  type: z.enum(questionType.enumValues),
  text: z.string(),
  points: z.number().int(),
  answered: z.boolean(),
  pointsAwarded: z.number().nullable().describe("Null until graded (an essay waiting for the teacher's score)."),
  isCorrect: z.boolean().nullable(),
  choices: z.array(z.object({ id: z.uuid(), text: z.string(), isCorrect: z.boolean(), chosen: z.boolean() })),
  typedAnswer: z.string().nullable().describe("Short answer, numeric and essay (Markdown): what was typed."),
  acceptedAnswers: z.array(z.string()),
  numericValue: z.number().nullable(),
  numericTolerance: z.number(),
  partialAnswers: z.array(z.object({ text: z.string(), weight: z.number() })).describe("Short answer: partly right answers with their marks in percent; empty when none."),
  otherNumericAnswers: z
    .array(z.object({ value: z.number(), tolerance: z.number(), weight: z.number() }))
    .describe("Numeric: other accepted values with their tolerance and marks in percent; empty when none."),
  explanation: z.string(),
  dataReview: dataReviewSchema,
  pending: z.boolean().describe("An answered essay waiting for the teacher's score."),
  graderComment: z.string().describe("The teacher's comment on an essay (Markdown); empty when none."),
});

export const attemptSchema = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  quizTitle: z.string(),
  student: personSchema,
  attemptNumber: z.number().int(),
  status: z.enum(attemptStatus.enumValues),
  startedAt: timestampSchema,
  deadlineAt: timestampSchema.nullable().describe("Answers saved at or after it are refused; null without a time limit or due date."),
  submittedAt: timestampSchema.nullable().describe("Equals deadlineAt when time ran out before the student submitted."),
  scorePoints: z.number().nullable(),
  maxPoints: z.number().int().nullable(),
  scorePercent: z.number().nullable(),
  questions: z
    .array(studentQuestionSchema)
    .nullable()
    .describe("While in progress, for its student: the questions in this attempt's order with their choices and the saved answers. Never a right answer. Null otherwise."),
  review: z
    .object({
      allowed: z.boolean().describe("Whether the reader may see the answers, right answers and explanations now."),
      notice: z.string().nullable().describe("Why not, when not."),
      questions: z.array(reviewQuestionSchema).describe("Empty unless allowed."),
    })
    .nullable()
    .describe("Once submitted: for the student as the quiz's review policy allows; for the course's teacher and admins always. Null while in progress."),
});

/** An attempt as both the start and the read endpoints answer it. */
export const attemptJson = (view: AttemptReaderView): z.input<typeof attemptSchema> => ({
  ...view,
  startedAt: view.startedAt.toISOString(),
  deadlineAt: isoOrNull(view.deadlineAt),
  submittedAt: isoOrNull(view.submittedAt),
});

export const startAttemptContract = defineContract({
  method: "POST",
  path: "/api/v1/quizzes/{taskId}/attempts",
  operationId: "startQuizAttempt",
  tag: "Quizzes",
  summary: "Start an attempt (or resume the open one)",
  description:
    "An enrolled student starts its next attempt: `201` with the attempt and its questions (in this attempt's order, without right answers). " +
    "When the student already has an attempt in progress, that one is answered with `200` instead: there is at most one open attempt per quiz. " +
    "The deadline is fixed now, on the server. `409` when no attempts are left, the quiz is past its due date or has no questions; " +
    "`403` for teachers and admins, who do not take quizzes, and (problem type `locked`) while the quiz is not released to the student; " +
    "`404` when the quiz is not found or the student is not enrolled. " +
    "Send an `Idempotency-Key` so that a retried request does not start a second attempt.",
  access: "user",
  params: quizParams,
  response: attemptSchema,
  successStatus: 201,
  idempotent: true,
  errors: [403, 404, 409, 422],
});

export const getAttemptContract = defineContract({
  method: "GET",
  path: "/api/v1/attempts/{attemptId}",
  operationId: "getAttempt",
  tag: "Quizzes",
  summary: "An attempt: its questions while open, its score and review once submitted",
  description:
    "Its student reads it as the attempt page (while in progress: the questions with their choices and the saved answers, never a right answer) " +
    "or the result page (once submitted: the score, and the review only as the quiz's review policy allows). " +
    "The course's teacher and admins read the score and the full review. An attempt past its deadline is submitted first. " +
    "Another student's attempt is not found.",
  access: "user",
  params: attemptParams,
  response: attemptSchema,
  errors: [404],
});

export const saveAnswerContract = defineContract({
  method: "PUT",
  path: "/api/v1/attempts/{attemptId}/answers/{questionId}",
  operationId: "saveAttemptAnswer",
  tag: "Quizzes",
  summary: "Save (or replace) one answer of an open attempt",
  description:
    "Autosave, as the attempt page does: `{ \"response\": { \"choiceIds\": [...] } }` for single choice, multiple choice and true/false, " +
    "`{ \"response\": { \"text\": \"...\" } }` for short answer, numeric and essay, " +
    "`{ \"response\": { \"matches\": { \"<promptId>\": \"<answerId>\" } } }` for matching, `{ \"response\": { \"order\": [\"<itemId>\", ...] } }` " +
    "(every item once) for ordering, `{ \"response\": { \"gaps\": [\"...\", ...] } }` (by blank; a dropdown blank holds the option's id) for cloze. " +
    "Ids must be the question's own. Saving again replaces the answer. " +
    "`409` once the attempt is submitted, or when its deadline has passed (the attempt is then submitted with the answers saved in time). " +
    "`403` for teachers and admins; another student's attempt, or a question not in the quiz, is not found.",
  access: "user",
  params: z.object({ attemptId: idParam("The attempt's id."), questionId: idParam("The question's id.") }),
  body: saveAnswerSchema.pick({ response: true }),
  response: z.object({ attemptId: z.uuid(), questionId: z.uuid(), savedAt: timestampSchema }),
  errors: [400, 403, 404, 409, 413, 415, 422],
});

export const submitAttemptContract = defineContract({
  method: "POST",
  path: "/api/v1/attempts/{attemptId}/submit",
  operationId: "submitAttempt",
  tag: "Quizzes",
  summary: "Submit an attempt and get its score",
  description:
    "Submits the student's attempt and grades it at once. Submitting an attempt already submitted changes nothing and answers the same result. " +
    "Past its deadline, the attempt is submitted as of the deadline with the answers saved before it. " +
    "`403` for teachers and admins; another student's attempt is not found. Read the review with `GET /api/v1/attempts/{attemptId}`.",
  access: "user",
  params: attemptParams,
  response: z.object({
    attemptId: z.uuid(),
    taskId: z.uuid(),
    status: z.enum(attemptStatus.enumValues),
    deadlineAt: timestampSchema.nullable(),
    submittedAt: timestampSchema.describe("Equals deadlineAt when time ran out first."),
    scorePoints: z.number(),
    maxPoints: z.number().int(),
    scorePercent: z.number(),
  }),
  idempotent: true,
  errors: [403, 404, 409, 422],
});

export const quizContracts = [
  getQuizContract,
  listAttemptsContract,
  startAttemptContract,
  getAttemptContract,
  saveAnswerContract,
  submitAttemptContract,
] as const;
