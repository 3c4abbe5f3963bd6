// What the release conditions editor offers to wait for: the course's items
// grouped by module, and the tasks with points a score can be asked of.
// Pure; the page builds it on the server and hands the form plain options.
// Items that could never be chosen (the item itself, its own module, a
// module's own contents) are left out; the action refuses them all the same.
import { itemOptionValue } from "./schemas";
import type { ReleaseItemRef } from "./release-rule";
import type { OutlineLesson, OutlineModule, OutlineTask } from "./rule-checks";

export interface ReleaseOption {
  value: string;
  label: string;
}

export interface ReleaseOptions {
  /** For "after … is completed": one group per module, then the tasks outside any module. */
  groups: { label: string; options: ReleaseOption[] }[];
  /** For "after a score of at least …": the tasks with points, by id. */
  scored: ReleaseOption[];
}

const typeLabels: Record<string, string> = { quiz: "Quiz", assignment: "Assignment", project: "Project", discussion: "Discussion" };

interface OptionsOutline {
  modules: readonly OutlineModule[];
  lessons: readonly OutlineLesson[];
  tasks: readonly (OutlineTask & { type: string })[];
}

export function releaseOptions(outline: OptionsOutline, item: ReleaseItemRef & { moduleId: string | null }): ReleaseOptions {
  const isItem = (kind: string, id: string) => item.kind === kind && item.id === id;
  const groups: ReleaseOptions["groups"] = [];
  for (const courseModule of outline.modules) {
    const own = item.kind === "module" && item.id === courseModule.id;
    if (own) continue;
    const options: ReleaseOption[] = [];
    if (item.moduleId !== courseModule.id) options.push({ value: itemOptionValue("module", courseModule.id), label: `The whole module “${courseModule.title}”` });
    for (const lesson of outline.lessons)
      if (lesson.moduleId === courseModule.id && !isItem("lesson", lesson.id)) options.push({ value: itemOptionValue("lesson", lesson.id), label: `Lesson: ${lesson.title}` });
    for (const task of outline.tasks)
      if (task.moduleId === courseModule.id && !isItem("task", task.id))
        options.push({ value: itemOptionValue("task", task.id), label: `${typeLabels[task.type] ?? "Task"}: ${task.title}` });
    if (options.length > 0) groups.push({ label: courseModule.title, options });
  }
  const loose = outline.tasks.filter((task) => task.moduleId === null && !isItem("task", task.id));
  if (loose.length > 0)
    groups.push({
      label: "Not in a module",
      options: loose.map((task) => ({ value: itemOptionValue("task", task.id), label: `${typeLabels[task.type] ?? "Task"}: ${task.title}` })),
    });
  const inOwnModule = (moduleId: string | null) => item.kind === "module" && moduleId === item.id;
  const scored = outline.tasks
    .filter((task) => task.maxPoints !== null && task.maxPoints > 0 && !isItem("task", task.id) && !inOwnModule(task.moduleId))
    .map((task) => ({ value: task.id, label: `${task.title} (${task.maxPoints} points)` }));
  return { groups, scored };
}
