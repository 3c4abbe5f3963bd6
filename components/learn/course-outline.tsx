import Link from "next/link";
import { taskHref } from "@/components/course/item-link";
import { LockMark, LockNote } from "@/components/pacing/lock-note";
import type { CourseOutline } from "@/lib/learn/outlines";
import type { LockWording } from "@/lib/pacing/describe-lock";

const taskLabels = { quiz: "Quiz", assignment: "Assignment", project: "Project", discussion: "Discussion" } as const;

/**
 * The module-and-lesson list beside the player (quizzes and assignments after
 * each module's lessons), with completion ticks; an item not released to the
 * student is no link, marked locked with why.
 */
export function CourseOutlineNav({
  slug,
  outline,
  wording,
  currentItemId,
  showTasks = true,
}: {
  slug: string;
  outline: CourseOutline;
  wording: LockWording;
  currentItemId: string;
  /** Quizzes and assignments open for students only; a teacher's preview lists lessons alone. */
  showTasks?: boolean;
}) {
  return (
    <ol className="flex flex-col gap-4 text-sm">
      {outline.modules.map((module, index) => (
        <li key={module.id}>
          <p className="mb-1 font-semibold">
            {index + 1}. {module.title}
          </p>
          <div className="mb-1 px-2">
            <LockNote state={outline.release.state("module", module.id)} wording={wording} />
          </div>
          <ul className="flex flex-col">
            {module.lessons.map((lesson) => {
              const done = outline.done.lessons.has(lesson.id);
              const current = lesson.id === currentItemId;
              const state = outline.release.state("lesson", lesson.id);
              if (!state.open)
                return (
                  <li key={lesson.id} className="flex items-start gap-2 px-2 py-1.5" aria-current={current ? "page" : undefined}>
                    <LockMark />
                    <span className="flex flex-col">
                      <span className="text-ink-muted">{lesson.title}</span>
                      <LockNote state={state} wording={wording} />
                    </span>
                  </li>
                );
              return (
                <li key={lesson.id}>
                  <Link
                    href={`/learn/${slug}/${lesson.id}`}
                    aria-current={current ? "page" : undefined}
                    className={`flex items-start gap-2 rounded-md px-2 py-1.5 ${current ? "bg-brand-50 font-semibold text-brand-800" : "hover:bg-slate-100"}`}
                  >
                    <span aria-hidden="true" className={done ? "text-success-700" : "text-slate-400"}>
                      {done ? "✓" : "○"}
                    </span>
                    <span>
                      {lesson.title}
                      {done ? <span className="sr-only"> (completed)</span> : null}
                    </span>
                  </Link>
                </li>
              );
            })}
            {outline.tasks
              .filter((task) => showTasks && task.moduleId === module.id && taskHref(slug, task) !== null)
              .map((task) => {
                const done = outline.done.tasks.has(task.id);
                const current = task.id === currentItemId;
                const state = outline.release.state("task", task.id);
                if (!state.open)
                  return (
                    <li key={task.id} className="flex items-start gap-2 px-2 py-1.5">
                      <LockMark />
                      <span className="flex flex-col">
                        <span className="text-ink-muted">
                          {task.title} · {taskLabels[task.type]}
                        </span>
                        <LockNote state={state} wording={wording} />
                      </span>
                    </li>
                  );
                return (
                  <li key={task.id}>
                    <Link
                      href={taskHref(slug, task)!}
                      aria-current={current ? "page" : undefined}
                      className={`flex items-start gap-2 rounded-md px-2 py-1.5 ${current ? "bg-brand-50 font-semibold text-brand-800" : "hover:bg-slate-100"}`}
                    >
                      <span aria-hidden="true" className={done ? "text-success-700" : "text-slate-400"}>
                        {done ? "✓" : "○"}
                      </span>
                      <span>
                        {task.title} <span className="text-ink-muted">· {taskLabels[task.type]}</span>
                        {done ? <span className="sr-only"> (completed)</span> : null}
                      </span>
                    </Link>
                  </li>
                );
              })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
