"use client";

import { useState } from "react";
import { ReleaseBadge } from "@/components/pacing/release-badges";
import { formatDuration } from "@/lib/format";
import { deleteLessonAction } from "@/lib/authoring/actions/delete-lesson-action";
import { shiftLessonAction } from "@/lib/authoring/actions/shift-lesson-action";
import { shiftedOrder } from "@/lib/authoring/ordering";
import type { StructureLesson } from "@/lib/authoring/queries";
import { lessonContentTypeLabels, type ShiftDirection } from "@/lib/authoring/schemas";
import { ConfirmDelete } from "./confirm-delete";
import { useStructureEditor } from "./editor-context";
import { LessonForm } from "./lesson-form";
import { LessonMoveForm } from "./lesson-move-form";
import { MoveButtons } from "./move-buttons";
import { SortableItem } from "./sortable-item";

const controlClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100";

/** One lesson in the editor: drag handle, Move up / Move down, Edit (inline) and Delete. */
export function LessonRow({
  lesson,
  moduleId,
  lessonIds,
  index,
}: {
  lesson: StructureLesson;
  moduleId: string;
  lessonIds: string[];
  index: number;
}) {
  const { courseId, run, pending } = useStructureEditor();
  const [editing, setEditing] = useState(false);
  const editorId = `lesson-editor-${lesson.id}`;

  const shift = (direction: ShiftDirection) => {
    const order = shiftedOrder(lessonIds, lesson.id, direction) ?? lessonIds;
    run(() => shiftLessonAction({ courseId, lessonId: lesson.id, direction }), {
      optimistic: (modules) =>
        modules.map((entry) =>
          entry.id === moduleId
            ? { ...entry, lessons: order.map((id) => entry.lessons.find((item) => item.id === id)!).filter(Boolean) }
            : entry,
        ),
      done: `${lesson.title} moved ${direction} to position ${order.indexOf(lesson.id) + 1} of ${order.length}.`,
    });
  };

  const remove = () =>
    run(() => deleteLessonAction({ courseId, lessonId: lesson.id }), {
      optimistic: (modules) =>
        modules.map((entry) => (entry.id === moduleId ? { ...entry, lessons: entry.lessons.filter((item) => item.id !== lesson.id) } : entry)),
      done: `Lesson ${lesson.title} deleted.`,
    });

  const details = [lessonContentTypeLabels[lesson.contentType], lesson.durationMinutes ? formatDuration(lesson.durationMinutes) : null]
    .filter(Boolean)
    .join(" · ");

  return (
    <SortableItem id={lesson.id} title={lesson.title} className="rounded-md border border-slate-200 bg-white">
      {(handle) => (
        <div className="flex flex-col gap-3 p-2">
          <div className="flex flex-wrap items-center gap-2">
            {handle}
            <div className="min-w-0 flex-1">
              <p className="font-medium break-words">
                <span className="sr-only">Lesson {index + 1}: </span>
                {lesson.title}
              </p>
              <p className="text-xs text-ink-muted">{details}</p>
              <ReleaseBadge kind="lesson" id={lesson.id} title={lesson.title} />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <MoveButtons
                title={lesson.title}
                isFirst={index === 0}
                isLast={index === lessonIds.length - 1}
                disabled={pending}
                onMove={shift}
              />
              <button
                type="button"
                aria-expanded={editing}
                aria-controls={editing ? editorId : undefined}
                onClick={() => setEditing((open) => !open)}
                className={controlClass}
              >
                {editing ? "Close" : "Edit"}
                <span className="sr-only"> {lesson.title}</span>
              </button>
              <ConfirmDelete
                title={lesson.title}
                question={`Delete the lesson “${lesson.title}”? Its file and students' completions of it are deleted too.`}
                disabled={pending}
                onConfirm={remove}
              />
            </div>
          </div>
          {editing ? (
            <div id={editorId} className="flex flex-col gap-4 rounded-md bg-slate-50 p-3">
              <h3 className="text-base font-semibold">Edit lesson: {lesson.title}</h3>
              <LessonForm lesson={lesson} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
              <LessonMoveForm lessonId={lesson.id} lessonTitle={lesson.title} moduleId={moduleId} />
            </div>
          ) : null}
        </div>
      )}
    </SortableItem>
  );
}
