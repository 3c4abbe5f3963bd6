// Seeds one exam set-wise: a teacher, a published course with a lesson and a
// quiz of ten questions (two of each kind), and its enrolled students, each
// with a personal access token (for the quiz API) and a session (for the
// pages), in a handful of statements whatever the class size.
import { createHash, randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Database } from "@/db";
import { apiTokens, courses, enrollments, learningTasks, lessons, modules, quizzes, users, userSessions } from "@/db/schema";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";

export const sessionCookieName = "authjs.session-token";

type Kind = "single_choice" | "multiple_choice" | "true_false" | "short_answer" | "numeric";

export interface SeededQuestion {
  id: string;
  kind: Kind;
  /** Choice ids in position order (empty for typed answers). */
  choiceIds: string[];
  correctChoiceIds: string[];
  /** A typed answer the grading accepts (short answer, numeric). */
  rightText: string | null;
}

export interface SeededStudent {
  id: string;
  token: string;
  cookie: string;
}

export interface SeededExam {
  courseSlug: string;
  lessonId: string;
  quizTaskId: string;
  questions: SeededQuestion[];
  students: SeededStudent[];
}

const questionSpecs: { kind: Kind; text: string; choices?: [string, boolean][]; accepted?: string[]; numeric?: number }[] = [
  { kind: "single_choice", text: "Which force keeps the Moon in orbit?", choices: [["Friction", false], ["Gravity", true], ["Magnetism", false], ["Buoyancy", false]] },
  { kind: "multiple_choice", text: "Which are vector quantities?", choices: [["Velocity", true], ["Mass", false], ["Force", true], ["Time", false]] },
  { kind: "true_false", text: "Sound travels faster in air than in water.", choices: [["True", false], ["False", true]] },
  { kind: "short_answer", text: "Name the unit of force.", accepted: ["newton", "N"] },
  { kind: "numeric", text: "Acceleration due to gravity in m/s² (two decimals)?", numeric: 9.81 },
  { kind: "single_choice", text: "What is the SI unit of energy?", choices: [["Watt", false], ["Joule", true], ["Volt", false]] },
  { kind: "multiple_choice", text: "Which are forms of energy?", choices: [["Kinetic", true], ["Potential", true], ["Velocity", false], ["Thermal", true]] },
  { kind: "true_false", text: "Light is a wave and a particle.", choices: [["True", true], ["False", false]] },
  { kind: "short_answer", text: "Which scientist wrote the laws of motion?", accepted: ["newton", "isaac newton"] },
  { kind: "numeric", text: "How many seconds are in 2.5 minutes?", numeric: 150 },
];

export async function seedExam(db: Database, { students: studentCount, authSecret }: { students: number; authSecret: string }): Promise<SeededExam> {
  const run = randomBytes(4).toString("hex");
  // Nobody signs in with a password here: an unusable hash keeps the column filled.
  const passwordHash = `!bench-exam-no-password-${run}`;
  const [teacher] = await db
    .insert(users)
    .values({ email: `teacher-${run}@bench.example`, username: `teacher_${run}`, role: "teacher", passwordHash })
    .returning({ id: users.id });
  const courseSlug = `exam-day-${run}`;
  const [course] = await db
    .insert(courses)
    .values({ slug: courseSlug, title: "Exam day: mechanics", subject: "physics", status: "published", visibility: "public", teacherId: teacher!.id })
    .returning({ id: courses.id });
  const [moduleRow] = await db.insert(modules).values({ courseId: course!.id, title: "Mechanics", position: 0 }).returning({ id: modules.id });
  const [lesson] = await db
    .insert(lessons)
    .values({ moduleId: moduleRow!.id, title: "Revision notes", body: "Forces, energy and motion: the notes before the exam.", position: 0 })
    .returning({ id: lessons.id });

  const maxPoints = questionSpecs.reduce((sum, spec) => sum + (spec.kind === "multiple_choice" ? 2 : 1), 0);
  const [task] = await db
    .insert(learningTasks)
    .values({ courseId: course!.id, moduleId: moduleRow!.id, type: "quiz", title: "End-of-term exam", status: "published", maxPoints })
    .returning({ id: learningTasks.id });
  await db.insert(quizzes).values({ taskId: task!.id, timeLimitMinutes: 60, attemptsAllowed: 1, partialCredit: true, reviewPolicy: "after_submit" });
  const inserted = await insertQuizQuestions(db, {
    courseId: course!.id,
    taskId: task!.id,
    questions: questionSpecs.map((spec) => ({
      type: spec.kind,
      text: spec.text,
      points: spec.kind === "multiple_choice" ? 2 : 1,
      acceptedAnswers: spec.accepted ?? [],
      numericValue: spec.numeric ?? null,
      numericTolerance: spec.numeric === undefined ? 0 : 0.01,
      choices: (spec.choices ?? []).map(([text, isCorrect]) => ({ text, isCorrect })),
    })),
  });
  const questions: SeededQuestion[] = questionSpecs.map((spec, q) => {
    const own = inserted[q]!.choiceIds;
    const correct = (spec.choices ?? []).flatMap(([, isCorrect], index) => (isCorrect ? [own[index]!] : []));
    return {
      id: inserted[q]!.questionId,
      kind: spec.kind,
      choiceIds: own,
      correctChoiceIds: correct,
      rightText: spec.accepted?.[0] ?? (spec.numeric === undefined ? null : String(spec.numeric)),
    };
  });

  const studentRows = await db
    .insert(users)
    .values(
      Array.from({ length: studentCount }, (_, i) => ({
        email: `student-${run}-${i}@bench.example`,
        username: `student_${run}_${i}`,
        role: "student" as const,
        passwordHash,
      })),
    )
    .returning({ id: users.id });
  await db.insert(enrollments).values(studentRows.map((row) => ({ userId: row.id, courseId: course!.id, status: "active" as const })));

  const tokens = studentRows.map(() => `jva_${randomBytes(32).toString("base64url")}`);
  const now = new Date();
  const week = 7 * 24 * 3600 * 1000;
  await db.insert(apiTokens).values(
    studentRows.map((row, i) => ({
      userId: row.id,
      name: "exam day",
      tokenHash: createHash("sha256").update(tokens[i]!).digest("hex"),
      tokenPrefix: tokens[i]!.slice(0, 12),
      expiresAt: new Date(now.getTime() + week),
    })),
  );
  const sessionRows = await db
    .insert(userSessions)
    .values(studentRows.map((row) => ({ userId: row.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + week), ip: "127.0.0.1", userAgent: "bench:exam" })))
    .returning({ id: userSessions.id, userId: userSessions.userId });
  const sessionOf = new Map(sessionRows.map((row) => [row.userId, row.id]));

  // The cookie next-auth would set at sign-in: its JWT holds the session row's id (lib/auth/next-auth.ts).
  const students: SeededStudent[] = [];
  for (const [i, row] of studentRows.entries()) {
    const jwt = await encode({
      token: { sub: row.id, uid: row.id, sid: sessionOf.get(row.id)! },
      secret: authSecret,
      salt: sessionCookieName,
      maxAge: week / 1000,
    });
    students.push({ id: row.id, token: tokens[i]!, cookie: `${sessionCookieName}=${jwt}` });
  }
  return { courseSlug, lessonId: lesson!.id, quizTaskId: task!.id, questions, students };
}

/** What a student answers to a question on its `round`th save: right most of the time, wrong sometimes. */
export function answerFor(question: SeededQuestion, student: number, round: number): { choiceIds: string[] } | { text: string } {
  const right = (student + round) % 4 !== 0;
  switch (question.kind) {
    case "single_choice":
    case "true_false":
    case "multiple_choice": {
      const wrong = question.choiceIds.filter((id) => !question.correctChoiceIds.includes(id));
      return { choiceIds: right ? question.correctChoiceIds : wrong.slice(0, 1) };
    }
    case "short_answer":
      return { text: right ? question.rightText! : "no idea" };
    case "numeric":
      return { text: right ? question.rightText! : "-1" };
  }
}
