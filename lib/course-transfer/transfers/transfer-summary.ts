import type { CourseManifest } from "../manifest";

/** What a package holds, counted for the preview and the audit log. */
export interface TransferSummary {
  modules: number;
  lessons: number;
  quizzes: number;
  assignments: number;
  questions: number;
  files: number;
  discussions: number;
  students: number;
}

export function summarize(manifest: CourseManifest): TransferSummary {
  return {
    modules: manifest.modules.length,
    lessons: manifest.lessons.length,
    quizzes: manifest.tasks.filter((task) => task.type === "quiz").length,
    assignments: manifest.tasks.filter((task) => task.type === "assignment" || task.type === "project").length,
    questions: manifest.questions.filter((question) => !question.deleted).length,
    files: manifest.files.length,
    discussions: manifest.discussions.length,
    students: manifest.work?.enrollments.length ?? 0,
  };
}
