// The requests of each phase of the exam, as schedules: who sends what, when.
import type { PlannedRequest } from "./load";
import { everyPeriod, spreadOver, type Scheduled } from "./schedule";
import { answerFor, type SeededExam } from "./seed";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function startPlan(exam: SeededExam, windowMs: number): Scheduled<PlannedRequest>[] {
  const offsets = spreadOver(exam.students.length, windowMs, 20);
  return exam.students.map((student, i) => ({
    at: offsets[i]!,
    item: { method: "POST", path: `/api/v1/quizzes/${exam.quizTaskId}/attempts`, headers: bearer(student.token), expect: 201 },
  }));
}

/** Autosaves of the first `autosavers` students: round r answers question r mod 10 (a student revisits it after ten saves). */
export function autosavePlan(
  exam: SeededExam,
  attemptIds: readonly (string | null)[],
  { autosavers, periodMs, durationMs }: { autosavers: number; periodMs: number; durationMs: number },
): Scheduled<PlannedRequest>[] {
  return everyPeriod(autosavers, periodMs, durationMs).flatMap(({ at, item: { participant, round } }) => {
    const attemptId = attemptIds[participant];
    if (!attemptId) return [];
    const question = exam.questions[round % exam.questions.length]!;
    const student = exam.students[participant]!;
    return [
      {
        at,
        item: {
          method: "PUT" as const,
          path: `/api/v1/attempts/${attemptId}/answers/${question.id}`,
          headers: bearer(student.token),
          body: { response: answerFor(question, participant, round) },
          expect: 200,
        },
      },
    ];
  });
}

/**
 * The pages a student opens around an exam: its dashboard, the course, its
 * notes, the quiz's page, the catalogue. (/learn/<slug> only redirects to the
 * next item, so it is not among them.)
 */
export function studentPages(exam: SeededExam): string[] {
  return [
    "/dashboard",
    `/courses/${exam.courseSlug}`,
    `/learn/${exam.courseSlug}/${exam.lessonId}`,
    `/learn/${exam.courseSlug}/quiz/${exam.quizTaskId}`,
    "/courses",
  ];
}

/** The students after the autosavers open a page every `periodMs`, signed in by their session cookie. */
export function browsePlan(
  exam: SeededExam,
  { firstBrowser, periodMs, durationMs }: { firstBrowser: number; periodMs: number; durationMs: number },
): Scheduled<PlannedRequest>[] {
  const pages = studentPages(exam);
  const browsers = exam.students.length - firstBrowser;
  return everyPeriod(browsers, periodMs, durationMs).map(({ at, item: { participant, round } }) => ({
    at,
    item: {
      method: "GET" as const,
      path: pages[(participant + round) % pages.length]!,
      headers: { cookie: exam.students[firstBrowser + participant]!.cookie },
      expect: 200,
    },
  }));
}

export function submitPlan(exam: SeededExam, attemptIds: readonly (string | null)[], windowMs: number): Scheduled<PlannedRequest>[] {
  const offsets = spreadOver(exam.students.length, windowMs, 40);
  return exam.students.flatMap((student, i) => {
    const attemptId = attemptIds[i];
    if (!attemptId) return [];
    return [{ at: offsets[i]!, item: { method: "POST" as const, path: `/api/v1/attempts/${attemptId}/submit`, headers: bearer(student.token), expect: 200 } }];
  });
}
