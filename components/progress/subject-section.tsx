import { capitalize } from "@/lib/format";
import type { SubjectProgress } from "@/lib/progress/subject-summary";
import { CompletionList } from "./completion-list";

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** A subject's completed lessons and quizzes, side by side on wide screens. */
export function SubjectSection({ id, subject, progress }: { id: string; subject: string; progress: SubjectProgress }) {
  const lessons = progress.completed_lessons.length;
  const quizzes = progress.completed_quizzes.length;
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {capitalize(subject)}
      </h2>
      <p className="text-sm text-ink-muted">
        {counted(lessons, "lesson", "lessons")} and {counted(quizzes, "quiz", "quizzes")} completed
      </p>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <CompletionList
          id={`${id}-lessons`}
          heading="Completed lessons"
          entries={progress.completed_lessons}
          empty="No lessons completed yet."
        />
        <CompletionList
          id={`${id}-quizzes`}
          heading="Completed quizzes"
          entries={progress.completed_quizzes}
          empty="No quizzes completed yet."
        />
      </div>
    </section>
  );
}
