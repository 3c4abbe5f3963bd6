"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useStructureEditor } from "@/components/authoring/editor-context";
import { MoveToModule } from "@/components/authoring/move-to-module";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { FormAlert } from "@/components/ui/form-alert";
import { formatDate } from "@/lib/format";
import { countOf } from "@/components/ui/plural";
import { StatusBadge } from "@/components/ui/status-badge";
import { deleteQuizAction } from "@/lib/quizzes/actions/delete-quiz-action";
import { moveQuizAction } from "@/lib/quizzes/actions/move-quiz-action";
import { publishQuizAction } from "@/lib/quizzes/actions/publish-quiz-action";
import type { QuizEditorData } from "@/lib/quizzes/editor-queries";
import { QuestionList } from "./question-list";
import { QuizSettingsForm } from "./quiz-settings-form";
import { RegradePanel } from "./regrade-panel";
import { useQuizAction } from "./use-quiz-action";

/**
 * One quiz, opened inline under its row (deep link `?quiz=<id>`): publish,
 * re-grade, settings, questions, move and delete. Every change is a server
 * action; the page re-renders from the database with the quiz still open.
 */
export function QuizEditor({ quiz }: { quiz: QuizEditorData }) {
  const { announce: announceToEditor } = useStructureEditor();
  const pathname = usePathname();
  const router = useRouter();
  const [status, setStatus] = useState("");
  const announce = (message: string) => {
    setStatus(message);
    announceToEditor(message);
  };
  const action = useQuizAction(announce);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening a quiz moves focus to it, so keyboard and screen reader users start there.
  useEffect(() => headingRef.current?.focus(), [quiz.id]);

  const published = quiz.status === "published";
  const togglePublished = () =>
    action.run(
      () => publishQuizAction({ courseId: quiz.courseId, taskId: quiz.id, publish: !published }),
      () => (published ? "Quiz unpublished: students no longer see it." : "Quiz published: students can take it."),
    );

  return (
    <section aria-labelledby={`quiz-${quiz.id}-heading`} className="flex flex-col gap-5 rounded-md border border-brand-500/40 bg-slate-50 p-3 sm:p-4">
      <div className="flex flex-wrap items-start gap-3">
        {/* The basis lets the buttons wrap under the title on phones instead of squeezing it. */}
        <div className="min-w-0 flex-1 basis-60">
          <h3 id={`quiz-${quiz.id}-heading`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold break-words">
            Quiz: {quiz.title}
          </h3>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
            <StatusBadge status={quiz.status} />
            <span>
              {countOf(quiz.questionCount, "question")} · {countOf(quiz.maxPoints ?? 0, "point")}
              {quiz.timeLimitMinutes ? ` · ${quiz.timeLimitMinutes} min` : ""}
              {quiz.dueAt ? ` · due ${formatDate(quiz.dueAt)}` : ""}
            </span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={action.pending}
            onClick={togglePublished}
            className={
              published
                ? "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
                : "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            }
          >
            {published ? "Unpublish quiz" : "Publish quiz"}
          </button>
          <Link
            href={`/teacher/courses/${quiz.courseId}/tasks/${quiz.id}/overrides`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Extensions and overrides
          </Link>
          <Link href={pathname} scroll={false} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
            Close quiz
          </Link>
        </div>
      </div>

      <p role="status" className="text-sm font-medium text-success-700">
        {status}
      </p>
      <FormAlert message={action.error} />
      <RegradePanel quiz={quiz} action={action} />
      {quiz.closedAttempts > 0 && quiz.staleAttempts === 0 ? (
        <p className="text-sm text-ink-muted">
          {countOf(quiz.closedAttempts, "submitted attempt")} so far. Changes that affect scoring will offer to re-grade them.
        </p>
      ) : null}

      <section aria-labelledby={`quiz-${quiz.id}-settings`} className="flex flex-col gap-3">
        <h4 id={`quiz-${quiz.id}-settings`} className="text-base font-semibold">
          Settings
        </h4>
        <QuizSettingsForm key={`${quiz.id}-${quiz.title}`} quiz={quiz} announce={announce} />
      </section>

      <QuestionList quiz={quiz} action={action} announce={announce} />

      <div className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3">
        <MoveToModule
          label="Move quiz to module"
          itemTitle={`quiz ${quiz.title}`}
          currentModuleId={quiz.moduleId}
          disabled={action.pending}
          onMove={(target, targetTitle) =>
            action.run(
              () => moveQuizAction({ courseId: quiz.courseId, taskId: quiz.id, toModuleId: target }),
              () => `Quiz moved to the end of ${targetTitle}.`,
            )
          }
        />
        <ConfirmDelete
          title={`quiz ${quiz.title}`}
          question={
            `Delete the quiz “${quiz.title}” with its questions?` +
            (quiz.closedAttempts > 0 ? ` Its ${countOf(quiz.closedAttempts, "submitted attempt")} and their scores are deleted too.` : "")
          }
          disabled={action.pending}
          onConfirm={() =>
            action.run(
              () => deleteQuizAction({ courseId: quiz.courseId, taskId: quiz.id }),
              () => {
                router.replace(pathname, { scroll: false });
                return `Quiz ${quiz.title} deleted.`;
              },
            )
          }
        />
      </div>
    </section>
  );
}
