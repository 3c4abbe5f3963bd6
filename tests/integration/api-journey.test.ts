// The journey of a client with a token only, on both databases: enrol,
// complete lessons, take a quiz, read the progress summary. It has no e2e
// twin: e2e/api-tokens.spec.ts shows a token made in the browser working
// against the production server, and this proves the rest of the way.
import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api/tokens";
import { callApi } from "./api/call-api";
import { testDb } from "./helpers";
import { createActor, createCourse } from "./learning-fixtures";
import { createQuiz, secrets } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

describe("a client with a token only", () => {
  it("enrols, completes the lessons, takes the quiz and reads its progress summary", async () => {
    const teacher = await createActor("teacher");
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const quiz = await createQuiz(course.id, course.moduleIds[0]!, { attemptsAllowed: 1, timeLimitMinutes: 10 });
    const student = await createActor("student");
    const { token } = await testDb().transaction((tx) => createApiToken(tx, student, { name: "journey", lifetime: "7" }));
    const api = async (method: "GET" | "POST" | "PUT", path: string, body?: unknown, headers?: Record<string, string>) => {
      const answer = await callApi({ method, path, token, body, headers });
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      return answer;
    };

    const key = crypto.randomUUID();
    const enrolled = await api("POST", "/api/v1/enrollments", { courseId: course.id }, { "idempotency-key": key });
    expect(enrolled.status).toBe(201);
    const retried = await api("POST", "/api/v1/enrollments", { courseId: course.id }, { "idempotency-key": key });
    expect(retried.body).toEqual(enrolled.body);

    const outline = (await api("GET", `/api/v1/courses/${course.id}`)).body;
    const lessons = outline.modules[0].lessons as { id: string }[];
    expect(lessons.map((lesson) => lesson.id)).toEqual(course.lessonIds);
    for (const lesson of lessons) await api("POST", `/api/v1/lessons/${lesson.id}/completion`);

    const attempt = (await api("POST", `/api/v1/quizzes/${quiz.taskId}/attempts`, undefined, { "idempotency-key": crypto.randomUUID() }))
      .body;
    for (const [i, questionId] of quiz.questionIds.entries()) {
      const response =
        quiz.choices[i]!.ids.length > 0
          ? { choiceIds: quiz.choices[i]!.correct }
          : { text: i === 3 ? secrets.acceptedAnswers[0]! : String(secrets.numericValue) };
      await api("PUT", `/api/v1/attempts/${attempt.id}/answers/${questionId}`, { response });
    }
    const result = (await api("POST", `/api/v1/attempts/${attempt.id}/submit`)).body;
    expect(result).toMatchObject({ status: "submitted", scorePoints: 6, maxPoints: 6, scorePercent: 100 });

    const summary = (await api("GET", "/api/v1/progress/summary")).body;
    expect(summary.subject_progress.physics.completed_lessons.map((l: { id: string }) => l.id).sort()).toEqual([...course.lessonIds].sort());
    expect(summary.subject_progress.physics.completed_quizzes).toEqual([
      expect.objectContaining({ id: quiz.taskId, points: 6, max_points: 6 }),
    ]);
    // Every item of the course is done: the enrolment completed itself.
    const mine = (await api("GET", "/api/v1/enrollments")).body;
    expect(mine.data).toEqual([expect.objectContaining({ status: "completed", progressPercent: 100 })]);
  });
});
