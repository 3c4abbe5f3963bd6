import { describe, expect, it } from "vitest";
import { buildSubjectSummary, type CompletedLesson, type CompletedQuiz } from "@/lib/progress/subject-summary";

const at = (iso: string) => new Date(iso);

function lesson(overrides: Partial<CompletedLesson> & Pick<CompletedLesson, "lessonId">): CompletedLesson {
  return {
    subject: "physics",
    courseSlug: "mechanics",
    courseTitle: "Mechanics",
    lessonTitle: `Lesson ${overrides.lessonId}`,
    completedAt: at("2026-03-01T10:00:00Z"),
    ...overrides,
  };
}

function quiz(overrides: Partial<CompletedQuiz> & Pick<CompletedQuiz, "taskId">): CompletedQuiz {
  return {
    subject: "physics",
    courseSlug: "mechanics",
    courseTitle: "Mechanics",
    taskTitle: `Quiz ${overrides.taskId}`,
    completedAt: at("2026-03-02T10:00:00Z"),
    pointsEarned: 8,
    maxPoints: 10,
    ...overrides,
  };
}

describe("buildSubjectSummary", () => {
  it("returns the spec's shape with snake_case keys and ISO dates", () => {
    const summary = buildSubjectSummary({
      gradeLevel: 12,
      completedLessons: [lesson({ lessonId: "l1", lessonTitle: "Velocity" })],
      completedQuizzes: [quiz({ taskId: "q1", taskTitle: "Kinematics check", pointsEarned: 7.5, maxPoints: 10 })],
    });
    expect(summary).toEqual({
      class: 12,
      subject_progress: {
        physics: {
          completed_lessons: [
            { id: "l1", title: "Velocity", course: "mechanics", course_title: "Mechanics", completed_at: "2026-03-01T10:00:00.000Z" },
          ],
          completed_quizzes: [
            {
              id: "q1",
              title: "Kinematics check",
              course: "mechanics",
              course_title: "Mechanics",
              completed_at: "2026-03-02T10:00:00.000Z",
              points: 7.5,
              max_points: 10,
            },
          ],
        },
      },
    });
  });

  it("is empty, with the class, for a student who has completed nothing", () => {
    expect(buildSubjectSummary({ gradeLevel: null, completedLessons: [], completedQuizzes: [] })).toEqual({
      class: null,
      subject_progress: {},
    });
  });

  it("lists subjects alphabetically whatever order they come in", () => {
    const summary = buildSubjectSummary({
      gradeLevel: 10,
      completedLessons: [
        lesson({ lessonId: "p", subject: "physics" }),
        lesson({ lessonId: "b", subject: "biology" }),
        lesson({ lessonId: "m", subject: "mathematics" }),
      ],
      completedQuizzes: [quiz({ taskId: "c", subject: "chemistry" })],
    });
    expect(Object.keys(summary.subject_progress)).toEqual(["biology", "chemistry", "mathematics", "physics"]);
  });

  it("orders each list by completion time", () => {
    const summary = buildSubjectSummary({
      gradeLevel: 10,
      completedLessons: [
        lesson({ lessonId: "third", completedAt: at("2026-03-03T00:00:00Z") }),
        lesson({ lessonId: "first", completedAt: at("2026-03-01T00:00:00Z") }),
        lesson({ lessonId: "second", completedAt: at("2026-03-02T00:00:00Z") }),
      ],
      completedQuizzes: [
        quiz({ taskId: "later", completedAt: at("2026-04-02T00:00:00Z") }),
        quiz({ taskId: "earlier", completedAt: at("2026-04-01T00:00:00Z") }),
      ],
    });
    const physics = summary.subject_progress.physics!;
    expect(physics.completed_lessons.map((entry) => entry.id)).toEqual(["first", "second", "third"]);
    expect(physics.completed_quizzes.map((entry) => entry.id)).toEqual(["earlier", "later"]);
  });

  it("keeps the given order for completions saved at the same moment", () => {
    const same = at("2026-03-01T00:00:00Z");
    const summary = buildSubjectSummary({
      gradeLevel: 10,
      completedLessons: ["a", "c", "b"].map((id) => lesson({ lessonId: id, completedAt: same })),
      completedQuizzes: [],
    });
    expect(summary.subject_progress.physics!.completed_lessons.map((entry) => entry.id)).toEqual(["a", "c", "b"]);
  });

  it("shows a subject with only quizzes, with an empty lesson list", () => {
    const summary = buildSubjectSummary({
      gradeLevel: 11,
      completedLessons: [lesson({ lessonId: "l1", subject: "physics" })],
      completedQuizzes: [quiz({ taskId: "q1", subject: "chemistry", courseSlug: "chem", courseTitle: "Chemistry" })],
    });
    expect(summary.subject_progress.chemistry).toEqual({
      completed_lessons: [],
      completed_quizzes: [expect.objectContaining({ id: "q1", course: "chem", course_title: "Chemistry" })],
    });
    expect(summary.subject_progress.physics!.completed_quizzes).toEqual([]);
  });

  it("groups lessons from several courses of one subject together", () => {
    const summary = buildSubjectSummary({
      gradeLevel: 10,
      completedLessons: [
        lesson({ lessonId: "m1", courseSlug: "mechanics", completedAt: at("2026-03-01T00:00:00Z") }),
        lesson({ lessonId: "t1", courseSlug: "thermo", courseTitle: "Thermodynamics", completedAt: at("2026-03-02T00:00:00Z") }),
      ],
      completedQuizzes: [],
    });
    expect(summary.subject_progress.physics!.completed_lessons.map((entry) => [entry.id, entry.course])).toEqual([
      ["m1", "mechanics"],
      ["t1", "thermo"],
    ]);
  });

  it("treats subjects that differ only in case or spacing as one", () => {
    const summary = buildSubjectSummary({
      gradeLevel: 10,
      completedLessons: [lesson({ lessonId: "a", subject: "Physics" }), lesson({ lessonId: "b", subject: " physics " })],
      completedQuizzes: [],
    });
    expect(Object.keys(summary.subject_progress)).toEqual(["physics"]);
    expect(summary.subject_progress.physics!.completed_lessons).toHaveLength(2);
  });

  it("passes ungraded quiz points through as null", () => {
    const summary = buildSubjectSummary({
      gradeLevel: 10,
      completedLessons: [],
      completedQuizzes: [quiz({ taskId: "q", pointsEarned: null, maxPoints: null })],
    });
    expect(summary.subject_progress.physics!.completed_quizzes[0]).toMatchObject({ points: null, max_points: null });
  });

  it("does not reorder the caller's arrays", () => {
    const lessons = [
      lesson({ lessonId: "late", completedAt: at("2026-03-02T00:00:00Z") }),
      lesson({ lessonId: "early", completedAt: at("2026-03-01T00:00:00Z") }),
    ];
    buildSubjectSummary({ gradeLevel: 10, completedLessons: lessons, completedQuizzes: [] });
    expect(lessons.map((entry) => entry.lessonId)).toEqual(["late", "early"]);
  });

  it("survives a JSON round trip unchanged", () => {
    const summary = buildSubjectSummary({
      gradeLevel: 12,
      completedLessons: [lesson({ lessonId: "l1" })],
      completedQuizzes: [quiz({ taskId: "q1" })],
    });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
