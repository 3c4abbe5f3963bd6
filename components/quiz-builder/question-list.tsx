"use client";

import { useOptimistic, useState } from "react";
import { SortableList } from "@/components/authoring/sortable-list";
import { Button } from "@/components/ui/button";
import { shiftedOrder } from "@/lib/authoring/ordering";
import type { ShiftDirection } from "@/lib/authoring/schemas";
import { deleteQuestionAction } from "@/lib/quizzes/actions/delete-question-action";
import { reorderQuestionsAction } from "@/lib/quizzes/actions/reorder-questions-action";
import type { QuizEditorData } from "@/lib/quizzes/editor-queries";
import Link from "next/link";
import { AddRandomSlotForm } from "./add-random-slot-form";
import { QuestionForm } from "./question-form";
import { QuestionRow } from "./question-row";
import { RandomSlotRow } from "./random-slot-row";
import type { useQuizAction } from "./use-quiz-action";

/**
 * The quiz's questions, reordered by dragging, the keyboard or Move up / Move
 * down (shown at once, settled by the server's answer), and the form to add
 * one at the end.
 */
export function QuestionList({
  quiz,
  action,
  announce,
}: {
  quiz: QuizEditorData;
  action: ReturnType<typeof useQuizAction>;
  announce: (message: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [order, setOptimisticOrder] = useOptimistic(
    quiz.slots.map((slot) => slot.id),
    (_, next: string[]) => next,
  );
  const byId = new Map(quiz.slots.map((slot) => [slot.id, slot]));
  const slots = order.flatMap((id) => byId.get(id) ?? []);
  const ids = slots.map((slot) => slot.id);
  // Numbers as students see them without shuffling: a random slot takes as many as it draws.
  const firstNumber = slots.reduce<number[]>((numbers, slot, index) => {
    const previous = slots[index - 1];
    numbers.push(index === 0 ? 1 : numbers[index - 1]! + (previous!.kind === "random" ? previous!.drawCount : 1));
    return numbers;
  }, []);
  const nextNumber = quiz.questionCount + 1;

  const reorder = (next: string[], done: string) =>
    action.run(
      () => reorderQuestionsAction({ courseId: quiz.courseId, taskId: quiz.id, slotIds: next }),
      () => done,
      () => setOptimisticOrder(next),
    );

  const shift = (id: string, direction: ShiftDirection) => {
    const next = shiftedOrder(ids, id, direction) ?? ids;
    reorder(next, `Question moved ${direction} to position ${next.indexOf(id) + 1} of ${next.length}.`);
  };

  const remove = (id: string, number: number) =>
    action.run(
      () => deleteQuestionAction({ courseId: quiz.courseId, taskId: quiz.id, slotId: id }),
      () => `Question ${number} removed from the quiz; it stays in the question bank.`,
      () => setOptimisticOrder(ids.filter((other) => other !== id)),
    );

  return (
    <section aria-labelledby={`quiz-${quiz.id}-questions`} className="flex flex-col gap-3">
      <h4 id={`quiz-${quiz.id}-questions`} className="text-base font-semibold">
        Questions
      </h4>
      {slots.length === 0 ? (
        <p className="text-sm text-ink-muted">No questions yet. Add the first one below, or take some from the question bank.</p>
      ) : (
        <SortableList
          id={`questions-${quiz.id}`}
          ids={ids}
          noun="question"
          titleOf={(id) => `Question ${firstNumber[ids.indexOf(id)]}`}
          onReorder={(next, movedId, toIndex) => reorder(next, `Question moved to position ${toIndex + 1} of ${next.length}.`)}
        >
          <ol aria-label="Questions" className="flex flex-col gap-2">
            {slots.map((slot, index) =>
              slot.kind === "question" ? (
                <QuestionRow
                  key={slot.id}
                  slotId={slot.id}
                  courseId={quiz.courseId}
                  taskId={quiz.id}
                  question={slot.question}
                  index={index}
                  number={firstNumber[index]!}
                  count={slots.length}
                  closedAttempts={quiz.closedAttempts}
                  pending={action.pending}
                  onShift={(direction) => shift(slot.id, direction)}
                  onDelete={() => remove(slot.id, firstNumber[index]!)}
                  announce={announce}
                />
              ) : (
                <RandomSlotRow
                  key={slot.id}
                  slot={slot}
                  index={index}
                  number={firstNumber[index]!}
                  count={slots.length}
                  pending={action.pending}
                  onShift={(direction) => shift(slot.id, direction)}
                  onDelete={() => remove(slot.id, firstNumber[index]!)}
                />
              ),
            )}
          </ol>
        </SortableList>
      )}
      {adding ? (
        <div className="rounded-md bg-slate-50 p-3">
          <h5 className="mb-3 text-base font-semibold">New question {nextNumber}</h5>
          <QuestionForm
            courseId={quiz.courseId}
            target={{ kind: "quiz", taskId: quiz.id, closedAttempts: quiz.closedAttempts }}
            number={nextNumber}
            announce={announce}
            onDone={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
            Add a question
          </Button>
          <Link
            href={`/teacher/courses/${quiz.courseId}/questions?quiz=${quiz.id}`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            Add from the question bank
          </Link>
        </div>
      )}
      <AddRandomSlotForm quiz={quiz} announce={announce} />
    </section>
  );
}
