import { z } from "zod";
import { gradeEssayBodySchema } from "@/lib/quizzes/grading/schemas";
import { defineContract, idParam, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// Essays are graded by hand: the course's teacher (or an admin) lists the
// attempts waiting and gives each essay its points and comment.

export const gradeEssayContract = defineContract({
  method: "PUT",
  path: "/api/v1/attempts/{attemptId}/answers/{questionId}/grade",
  operationId: "gradeEssayAnswer",
  tag: "Quizzes",
  summary: "Grade one essay answer of a submitted attempt",
  description:
    "The course's teacher or an admin gives an essay its points (0 up to the question's points in this attempt, two decimals at most) " +
    "and a Markdown comment; saving again replaces them. The attempt is re-graded at once: its score, the student's quiz grade and course progress follow. " +
    "While another answered essay of the attempt has no score the attempt stays `gradingPending` and its score provisional; " +
    "once none is left the student is notified (in-app and by email, as its preferences for grades say). " +
    "`409` while the attempt is in progress or the essay was not answered; `422` for points out of range or a question that is not an essay; " +
    "a student, another course's teacher, or a question not in the attempt: `404`.",
  access: "user",
  params: z.object({ attemptId: idParam("The attempt's id."), questionId: idParam("The essay question's id (the version in the attempt).") }),
  body: gradeEssayBodySchema,
  response: z.object({
    attemptId: z.uuid(),
    questionId: z.uuid(),
    points: z.number(),
    comment: z.string(),
    attempt: z.object({
      scorePoints: z.number(),
      maxPoints: z.number().int(),
      scorePercent: z.number(),
      gradingPending: z.boolean().describe("True while another answered essay of the attempt waits for a score."),
    }),
  }),
  errors: [400, 404, 409, 413, 415, 422],
});

export const listCourseEssaysContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/quiz-essays",
  operationId: "listCourseQuizEssays",
  tag: "Quizzes",
  summary: "Quiz attempts of a course with essays waiting for a score",
  description:
    "The grading queue's quiz essays for one course: submitted attempts with at least one answered essay not graded yet, " +
    "longest waiting first, one page at a time. For the course's teacher and admins, and for a section teacher its sections' students only; " +
    "for anyone else the course is not found. `sectionId` narrows the list to one section of the course (another course's section lists nothing).",
  access: "user",
  params: z.object({ courseId: idParam("The course's id.") }),
  query: z.object({ ...pageQueryShape, sectionId: z.uuid().optional().describe("Only the students of this section of the course.") }),
  response: pageSchema(
    z.object({
      attemptId: z.uuid(),
      attemptNumber: z.number().int(),
      taskId: z.uuid().describe("The quiz."),
      quizTitle: z.string(),
      student: z.object({ id: z.uuid(), name: z.string() }),
      submittedAt: timestampSchema,
      essaysWaiting: z.number().int().describe("Answered essays of the attempt without a score."),
    }),
  ),
  errors: [404, 422],
});

export const quizGradingContracts = [gradeEssayContract, listCourseEssaysContract] as const;
