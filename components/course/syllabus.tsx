import Link from "next/link";
import { LockMark, LockNote } from "@/components/pacing/lock-note";
import type { CourseOutline } from "@/lib/learn/outlines";
import type { LockWording } from "@/lib/pacing/describe-lock";
import { taskHref } from "./item-link";

const typeLabels = { text: "Reading", video: "Video", file: "Document", url: "Link" } as const;
const taskLabels = { quiz: "Quiz", assignment: "Assignment", project: "Project", discussion: "Discussion" } as const;

/**
 * Modules with their lessons and tasks; lesson titles link into the player when
 * the reader may open them, and tasks (quizzes, assignments) link for the
 * course's students, who take and hand them in (a teacher's preview has none).
 * An item not released to the student is no link: it is marked locked, with why.
 */
export function Syllabus({
  slug,
  outline,
  wording,
  linkLessons,
  linkTasks,
}: {
  slug: string;
  outline: CourseOutline;
  wording: LockWording;
  linkLessons: boolean;
  linkTasks: boolean;
}) {
  if (outline.modules.length === 0 && outline.tasks.length === 0) {
    return <p className="text-ink-muted">This course has no lessons yet.</p>;
  }
  return (
    <ol className="flex flex-col gap-4">
      {outline.modules.map((module, index) => (
        <li key={module.id} className="rounded-card border border-slate-200 bg-white p-4">
          <h3 className="font-semibold">
            Module {index + 1}: {module.title}
          </h3>
          <LockNote state={outline.release.state("module", module.id)} wording={wording} />
          <ul className="mt-2 divide-y divide-slate-100">
            {module.lessons.map((lesson) => {
              const done = outline.done.lessons.has(lesson.id);
              const state = outline.release.state("lesson", lesson.id);
              return (
                <li key={lesson.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span className="flex items-center gap-2">
                    {state.open ? (
                      <span aria-hidden="true" className={done ? "text-success-700" : "text-slate-400"}>
                        {done ? "✓" : "○"}
                      </span>
                    ) : (
                      <LockMark />
                    )}
                    {!state.open ? (
                      <span className="flex flex-col">
                        <span>{lesson.title}</span>
                        <LockNote state={state} wording={wording} />
                      </span>
                    ) : linkLessons ? (
                      <Link href={`/learn/${slug}/${lesson.id}`} className="text-brand-700 underline">
                        {lesson.title}
                      </Link>
                    ) : (
                      <span>{lesson.title}</span>
                    )}
                    {done ? <span className="sr-only">(completed)</span> : null}
                  </span>
                  <span className="shrink-0 text-ink-muted">
                    {typeLabels[lesson.contentType]}
                    {lesson.durationMinutes ? ` · ${lesson.durationMinutes} min` : ""}
                  </span>
                </li>
              );
            })}
            {outline.tasks
              .filter((task) => task.moduleId === module.id)
              .map((task) => ({ task, state: outline.release.state("task", task.id) }))
              .map(({ task, state }) => (
                <li key={task.id} id={`task-${task.id}`} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span className="flex items-center gap-2">
                    {state.open ? (
                      <span aria-hidden="true" className={outline.done.tasks.has(task.id) ? "text-success-700" : "text-slate-400"}>
                        {outline.done.tasks.has(task.id) ? "✓" : "○"}
                      </span>
                    ) : (
                      <LockMark />
                    )}
                    {!state.open ? (
                      <span className="flex flex-col">
                        <span>{task.title}</span>
                        <LockNote state={state} wording={wording} />
                      </span>
                    ) : linkTasks && taskHref(slug, task) ? (
                      <Link href={taskHref(slug, task)!} className="text-brand-700 underline">
                        {task.title}
                      </Link>
                    ) : (
                      <span>{task.title}</span>
                    )}
                    {outline.done.tasks.has(task.id) ? <span className="sr-only">(completed)</span> : null}
                  </span>
                  <span className="shrink-0 text-ink-muted">{taskLabels[task.type]}</span>
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
