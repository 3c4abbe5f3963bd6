"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { countOf } from "@/components/ui/plural";
import { FormAlert } from "@/components/ui/form-alert";
import { deleteBankQuestionAction } from "@/lib/question-bank/actions/delete-bank-question-action";
import { duplicateBankQuestionAction } from "@/lib/question-bank/actions/duplicate-bank-question-action";
import { moveBankQuestionsAction } from "@/lib/question-bank/actions/move-bank-questions-action";
import type { CategoryOption } from "@/lib/question-bank/category-tree";
import type { BankRow } from "@/lib/question-bank/queries";
import { addBankQuestionsAction } from "@/lib/quizzes/actions/add-bank-questions-action";
import { questionTypeLabels } from "@/lib/quizzes/authoring/schemas";
import { useBankAction } from "./use-bank-action";

const controlClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100";

/** What a row is called: its name, or the start of its text. */
export const rowTitle = (row: Pick<BankRow, "name" | "text">) => row.name || (row.text.length > 120 ? `${row.text.slice(0, 117)}…` : row.text);

/**
 * The page of bank questions with what each is, where it is filed and used,
 * and its actions; ticked questions can be moved to a category together, or
 * added to the quiz the teacher came from.
 */
export function BankList({
  courseId,
  rows,
  total,
  categories,
  quiz,
}: {
  courseId: string;
  rows: BankRow[];
  total: number;
  categories: CategoryOption[];
  quiz: { taskId: string; title: string; entryIds: string[] } | null;
}) {
  const action = useBankAction();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState("");
  const pathOf = new Map(categories.map((category) => [category.id, category.path]));
  const inQuiz = new Set(quiz?.entryIds ?? []);
  const chosen = rows.filter((row) => selected.has(row.entryId)).map((row) => row.entryId);
  const toggle = (entryId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(entryId);
      else next.delete(entryId);
      return next;
    });

  return (
    <section aria-labelledby="bank-questions" className="flex flex-col gap-3">
      <h2 id="bank-questions" className="text-lg font-semibold">
        Questions <span className="font-normal text-ink-muted">({total})</span>
      </h2>
      <p role="status" className="text-sm font-medium text-success-700">
        {action.status}
      </p>
      <FormAlert message={action.error} />
      {rows.length > 0 ? (
        <div className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-3" role="group" aria-label="With the ticked questions">
          <p className="w-full text-sm text-ink-muted">{countOf(chosen.length, "question")} ticked.</p>
          {quiz ? (
            <button
              type="button"
              disabled={action.pending || chosen.length === 0}
              onClick={() =>
                action.run(
                  () => addBankQuestionsAction({ courseId, taskId: quiz.taskId, entryIds: chosen }),
                  (data) => {
                    setSelected(new Set());
                    return `Added ${countOf(data.added, "question")} to ${quiz.title}${data.skipped ? ` (${data.skipped} already in it)` : ""}.`;
                  },
                )
              }
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
            >
              Add to quiz
            </button>
          ) : null}
          <div>
            <label htmlFor="bank-move-target" className="mb-1 block text-sm font-medium">
              Move to
            </label>
            <select id="bank-move-target" value={target} onChange={(event) => setTarget(event.target.value)} className="rounded-md border border-slate-300 bg-white px-3 py-2">
              <option value="">Uncategorised</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.path}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            disabled={action.pending || chosen.length === 0}
            onClick={() =>
              action.run(
                () => moveBankQuestionsAction({ courseId, entryIds: chosen, categoryId: target }),
                (data) => {
                  setSelected(new Set());
                  return `Moved ${countOf(data.moved, "question")}.`;
                },
              )
            }
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100 disabled:opacity-60"
          >
            Move
          </button>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-ink-muted">{total === 0 ? "No questions match. Add one, import a file, or clear the filters." : "No questions on this page."}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Bank questions">
          {rows.map((row) => {
            const title = rowTitle(row);
            return (
              <li key={row.entryId} className="flex flex-wrap items-start gap-3 rounded-md border border-slate-200 bg-white p-3">
                <input
                  type="checkbox"
                  className="mt-1 h-5 w-5 shrink-0"
                  aria-label={`Tick ${title}`}
                  checked={selected.has(row.entryId)}
                  onChange={(event) => toggle(row.entryId, event.target.checked)}
                />
                <div className="min-w-0 flex-1 basis-60">
                  <p className="font-medium break-words">
                    <Link href={`/teacher/courses/${courseId}/questions/${row.entryId}`} className="underline">
                      {title}
                    </Link>
                    {inQuiz.has(row.entryId) ? <span className="ms-2 rounded-full bg-success-50 px-2 py-0.5 text-xs font-semibold text-success-700">In this quiz</span> : null}
                  </p>
                  <p className="text-xs text-ink-muted">
                    {questionTypeLabels[row.type]} · {countOf(row.points, "point")} · {row.categoryId ? pathOf.get(row.categoryId) : "Uncategorised"}
                    {row.version > 1 ? ` · version ${row.version}` : ""}
                  </p>
                  {row.tags.length > 0 ? (
                    <ul className="mt-1 flex flex-wrap gap-1" aria-label="Tags">
                      {row.tags.map((tag) => (
                        <li key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs">
                          {tag}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="mt-1 text-xs text-ink-muted">
                    {row.usedIn.length === 0 ? "Not used in a quiz." : `Used in ${row.usedIn.map((use) => `${use.title}${use.status === "published" ? "" : ` (${use.status})`}`).join(", ")}.`}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/teacher/courses/${courseId}/questions/${row.entryId}`} className={controlClass}>
                    Preview and edit<span className="sr-only"> {title}</span>
                  </Link>
                  <button
                    type="button"
                    disabled={action.pending}
                    className={controlClass}
                    onClick={() => action.run(() => duplicateBankQuestionAction({ courseId, entryId: row.entryId }), () => `Copied ${title}.`)}
                  >
                    Duplicate<span className="sr-only"> {title}</span>
                  </button>
                  <ConfirmDelete
                    title={title}
                    question={`Delete “${title}” from the bank? Draft quizzes lose it; attempts that had it keep it.`}
                    disabled={action.pending}
                    onConfirm={() => action.run(() => deleteBankQuestionAction({ courseId, entryId: row.entryId }), () => `Deleted ${title}.`)}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
