"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useStructureEditor } from "@/components/authoring/editor-context";
import { ReleaseBadge } from "@/components/pacing/release-badges";
import { Button } from "@/components/ui/button";
import { countOf } from "@/components/ui/plural";
import { StatusBadge } from "@/components/ui/status-badge";
import type { StructureQuiz } from "@/lib/quizzes/editor-queries";
import { AddQuizForm } from "./add-quiz-form";
import { useQuizBuilder } from "./quiz-builder-context";
import { QuizEditor } from "./quiz-editor";

const linkClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100";

/** A quiz's row: its title, status and size, and the link that opens it inline (or closes it). */
function QuizRow({ quiz }: { quiz: StructureQuiz }) {
  const { openQuiz } = useQuizBuilder();
  const pathname = usePathname();
  const open = openQuiz?.id === quiz.id;
  return (
    <li className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-2">
      <div className="flex flex-wrap items-center gap-2">
        <span aria-hidden="true" className="flex h-9 w-9 items-center justify-center rounded-md bg-brand-50 text-xs font-bold text-brand-800">
          Quiz
        </span>
        <div className="min-w-0 flex-1">
          <p className="font-medium break-words">
            <span className="sr-only">Quiz: </span>
            {quiz.title}
          </p>
          <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
            <StatusBadge status={quiz.status} />
            {countOf(quiz.questionCount, "question")} · {countOf(quiz.maxPoints ?? 0, "point")}
          </p>
          <ReleaseBadge kind="task" id={quiz.id} title={quiz.title} />
        </div>
        <Link
          href={open ? pathname : `${pathname}?quiz=${quiz.id}`}
          scroll={false}
          className={linkClass}
        >
          {open ? "Close" : "Edit"}
          <span className="sr-only"> quiz {quiz.title}</span>
        </Link>
      </div>
      {open && openQuiz ? <QuizEditor quiz={openQuiz} /> : null}
    </li>
  );
}

/** A module's quizzes, listed after its lessons, with the button to add one. */
export function ModuleQuizzes({ moduleId, moduleTitle }: { moduleId: string; moduleTitle: string }) {
  const { courseId, announce } = useStructureEditor();
  const { quizzes } = useQuizBuilder();
  const [adding, setAdding] = useState(false);
  const own = quizzes.filter((quiz) => quiz.moduleId === moduleId);
  return (
    <div className="flex flex-col gap-2">
      {own.length > 0 ? (
        <ol aria-label={`Quizzes of ${moduleTitle}`} className="flex flex-col gap-2">
          {own.map((quiz) => (
            <QuizRow key={quiz.id} quiz={quiz} />
          ))}
        </ol>
      ) : null}
      {adding ? (
        <div className="rounded-md bg-slate-50 p-3">
          <h3 className="mb-3 text-base font-semibold">New quiz in {moduleTitle}</h3>
          <AddQuizForm
            courseId={courseId}
            moduleId={moduleId}
            announce={announce}
            onDone={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        <div>
          <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
            Add a quiz<span className="sr-only"> to {moduleTitle}</span>
          </Button>
        </div>
      )}
    </div>
  );
}

/** Quizzes whose module was deleted: still the course's, shown so they can be moved back into a module. */
export function UnplacedQuizzes() {
  const { quizzes } = useQuizBuilder();
  const unplaced = quizzes.filter((quiz) => quiz.moduleId === null);
  if (unplaced.length === 0) return null;
  return (
    <section aria-labelledby="unplaced-quizzes-heading" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="unplaced-quizzes-heading" className="mb-1 text-lg font-semibold">
        Quizzes outside any module
      </h2>
      <p className="mb-3 text-sm text-ink-muted">Their module was deleted. Open one and use “Move quiz to module” to place it again.</p>
      <ol aria-label="Quizzes outside any module" className="flex flex-col gap-2">
        {unplaced.map((quiz) => (
          <QuizRow key={quiz.id} quiz={quiz} />
        ))}
      </ol>
    </section>
  );
}
