"use client";

import { useOptimistic, useState } from "react";
import { SortableList } from "@/components/authoring/sortable-list";
import { Button } from "@/components/ui/button";
import { shiftedOrder } from "@/lib/authoring/ordering";
import type { ShiftDirection } from "@/lib/authoring/schemas";
import { deleteQuestionAction } from "@/lib/quizzes/actions/delete-question-action";
import { reorderQuestionsAction } from "@/lib/quizzes/actions/reorder-questions-action";
import type { QuizEditorData } from "@/lib/quizzes/editor-queries";
import { QuestionForm } from "./question-form";
import { QuestionRow } from "./question-row";
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
    quiz.questions.map((question) => question.id),
    (_, next: string[]) => next,
  );
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const questions = order.flatMap((id) => byId.get(id) ?? []);
  const ids = questions.map((question) => question.id);

  const reorder = (next: string[], done: string) =>
    action.run(
      () => reorderQuestionsAction({ courseId: quiz.courseId, taskId: quiz.id, questionIds: next }),
      () => done,
      () => setOptimisticOrder(next),
    );

  const shift = (id: string, direction: ShiftDirection) => {
    const next = shiftedOrder(ids, id, direction) ?? ids;
    reorder(next, `Question moved ${direction} to position ${next.indexOf(id) + 1} of ${next.length}.`);
  };

  const remove = (id: string, number: number) =>
    action.run(
      () => deleteQuestionAction({ courseId: quiz.courseId, taskId: quiz.id, questionId: id }),
      () => `Question ${number} deleted.`,
      () => setOptimisticOrder(ids.filter((other) => other !== id)),
    );

  return (
    <section aria-labelledby={`quiz-${quiz.id}-questions`} className="flex flex-col gap-3">
      <h4 id={`quiz-${quiz.id}-questions`} className="text-base font-semibold">
        Questions
      </h4>
      {questions.length === 0 ? (
        <p className="text-sm text-ink-muted">No questions yet. Add the first one below.</p>
      ) : (
        <SortableList
          id={`questions-${quiz.id}`}
          ids={ids}
          noun="question"
          titleOf={(id) => `Question ${ids.indexOf(id) + 1}`}
          onReorder={(next, movedId, toIndex) => reorder(next, `Question moved to position ${toIndex + 1} of ${next.length}.`)}
        >
          <ol aria-label="Questions" className="flex flex-col gap-2">
            {questions.map((question, index) => (
              <QuestionRow
                key={question.id}
                courseId={quiz.courseId}
                taskId={quiz.id}
                question={question}
                index={index}
                count={questions.length}
                closedAttempts={quiz.closedAttempts}
                pending={action.pending}
                onShift={(direction) => shift(question.id, direction)}
                onDelete={() => remove(question.id, index + 1)}
                announce={announce}
              />
            ))}
          </ol>
        </SortableList>
      )}
      {adding ? (
        <div className="rounded-md bg-slate-50 p-3">
          <h5 className="mb-3 text-base font-semibold">New question {questions.length + 1}</h5>
          <QuestionForm
            courseId={quiz.courseId}
            taskId={quiz.id}
            number={questions.length + 1}
            closedAttempts={quiz.closedAttempts}
            announce={announce}
            onDone={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        <div>
          <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
            Add a question
          </Button>
        </div>
      )}
    </section>
  );
}
