export interface CompletedLesson {
  subject: string;
  courseSlug: string;
  courseTitle: string;
  lessonId: string;
  lessonTitle: string;
  completedAt: Date;
}

export interface CompletedQuiz {
  subject: string;
  courseSlug: string;
  courseTitle: string;
  taskId: string;
  taskTitle: string;
  completedAt: Date;
  pointsEarned: number | null;
  maxPoints: number | null;
}

export interface CompletedLessonEntry {
  id: string;
  title: string;
  course: string;
  course_title: string;
  completed_at: string;
}

export interface CompletedQuizEntry extends CompletedLessonEntry {
  points: number | null;
  max_points: number | null;
}

export interface SubjectProgress {
  completed_lessons: CompletedLessonEntry[];
  completed_quizzes: CompletedQuizEntry[];
}

/** The student's per-subject summary, in the shape the product spec and the API promise. */
export interface SubjectSummary {
  class: number | null;
  subject_progress: Record<string, SubjectProgress>;
}

export interface SubjectSummaryInput {
  gradeLevel: number | null;
  completedLessons: CompletedLesson[];
  completedQuizzes: CompletedQuiz[];
}

// Subjects are free text on courses; "Physics" and "physics " are one subject.
const subjectKey = (subject: string) => subject.trim().toLowerCase();

// Array.prototype.sort is stable, so equal times keep the caller's order
// (the query gives course and lesson order for completions saved together).
const byCompletion = <T extends { completedAt: Date }>(rows: T[]) =>
  [...rows].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());

function groupBySubject<T extends { subject: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = subjectKey(row.subject);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * Groups a student's completed lessons and quizzes by subject: subjects in
 * alphabetical order, each list in order of completion. A subject with only
 * quizzes (or only lessons) still has both lists.
 */
export function buildSubjectSummary(input: SubjectSummaryInput): SubjectSummary {
  const lessonsBySubject = groupBySubject(input.completedLessons);
  const quizzesBySubject = groupBySubject(input.completedQuizzes);

  const subjects = [...new Set([...lessonsBySubject.keys(), ...quizzesBySubject.keys()])].sort((a, b) =>
    a.localeCompare(b, "en"),
  );

  return {
    class: input.gradeLevel,
    subject_progress: Object.fromEntries(
      subjects.map((subject): [string, SubjectProgress] => [
        subject,
        {
          completed_lessons: byCompletion(lessonsBySubject.get(subject) ?? []).map((lesson) => ({
            id: lesson.lessonId,
            title: lesson.lessonTitle,
            course: lesson.courseSlug,
            course_title: lesson.courseTitle,
            completed_at: lesson.completedAt.toISOString(),
          })),
          completed_quizzes: byCompletion(quizzesBySubject.get(subject) ?? []).map((quiz) => ({
            id: quiz.taskId,
            title: quiz.taskTitle,
            course: quiz.courseSlug,
            course_title: quiz.courseTitle,
            completed_at: quiz.completedAt.toISOString(),
            points: quiz.pointsEarned,
            max_points: quiz.maxPoints,
          })),
        },
      ]),
    ),
  };
}
