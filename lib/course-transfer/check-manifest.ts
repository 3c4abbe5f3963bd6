import { cycleMessage, findCycle } from "@/lib/pacing/rule-checks";
import type { CourseManifest, ManifestReleaseRule } from "./manifest";

// A document that passes the schema can still point at things it does not
// hold (a lesson in a module that is not there, a quiz slot naming a missing
// question). Such a document is refused as a whole, with what is wrong, before
// anything is stored: a restore is all or nothing.

const shown = 10;

/** What is inconsistent in the document, as sentences for the importer; empty when nothing is. */
export function manifestProblems(manifest: CourseManifest): string[] {
  const problems: string[] = [];
  const ids = (kind: string, list: readonly { id: string }[]) => {
    const seen = new Set<string>();
    for (const { id } of list) {
      if (seen.has(id)) problems.push(`Two ${kind} share the id ${id}.`);
      seen.add(id);
    }
    return seen;
  };
  const files = ids("files", manifest.files);
  const modules = ids("modules", manifest.modules);
  const lessons = ids("lessons", manifest.lessons);
  const categories = ids("question categories", manifest.questionCategories);
  const questions = ids("questions", manifest.questions);
  const tasks = ids("tasks", manifest.tasks);
  ids("discussions", manifest.discussions);
  const versions = ids("question versions", manifest.questions.flatMap((question) => question.versions));
  const missing = (what: string, id: string, owner: string) => problems.push(`${owner} names ${what} ${id}, which the document does not hold.`);

  for (const lesson of manifest.lessons) {
    if (!modules.has(lesson.moduleId)) missing("the module", lesson.moduleId, `The lesson “${lesson.title}”`);
    if (lesson.fileId !== null && !files.has(lesson.fileId)) missing("the file", lesson.fileId, `The lesson “${lesson.title}”`);
  }
  const parentOf = new Map(manifest.questionCategories.map((category) => [category.id, category.parentId]));
  for (const category of manifest.questionCategories) {
    if (category.parentId !== null && !categories.has(category.parentId)) missing("the parent category", category.parentId, `The category “${category.name}”`);
    // Walking up from each category must end at the top: a loop has no top.
    const visited = new Set<string>();
    for (let at: string | null | undefined = category.id; at; at = parentOf.get(at)) {
      if (visited.has(at)) {
        problems.push(`The category “${category.name}” is inside itself.`);
        break;
      }
      visited.add(at);
    }
  }
  for (const question of manifest.questions) {
    if (question.categoryId !== null && !categories.has(question.categoryId)) missing("the category", question.categoryId, `The question ${question.id}`);
    if (question.versions.filter((version) => version.isCurrent).length !== 1) problems.push(`The question ${question.id} needs exactly one current version.`);
    if (new Set(question.versions.map((version) => version.version)).size !== question.versions.length) problems.push(`The question ${question.id} has two versions with the same number.`);
  }
  const deleted = new Set(manifest.questions.filter((question) => question.deleted).map((question) => question.id));
  for (const task of manifest.tasks) {
    const owner = `The task “${task.title}”`;
    if (task.moduleId !== null && !modules.has(task.moduleId)) missing("the module", task.moduleId, owner);
    if ((task.type === "quiz") !== (task.quiz !== null)) problems.push(`${owner} is a ${task.type} but ${task.quiz ? "has" : "lacks"} quiz settings.`);
    if (task.assignment !== null && task.type !== "assignment" && task.type !== "project") problems.push(`${owner} is a ${task.type} but has assignment settings.`);
    for (const slot of task.quiz?.slots ?? []) {
      if (slot.questionId !== null && (!questions.has(slot.questionId) || deleted.has(slot.questionId))) missing("the question", slot.questionId, owner);
      if (slot.questionId === null && slot.points === null) problems.push(`${owner} has a random draw without points.`);
      if (slot.categoryId !== null && !categories.has(slot.categoryId)) missing("the category", slot.categoryId, owner);
    }
  }
  for (const thread of manifest.discussions) {
    if (thread.lessonId !== null && !lessons.has(thread.lessonId)) missing("the lesson", thread.lessonId, `The discussion “${thread.title}”`);
  }
  checkReleaseRules(manifest, { module: modules, lesson: lessons, task: tasks }, problems);
  for (const event of manifest.events) {
    if (Date.parse(event.endsAt) < Date.parse(event.startsAt)) problems.push(`The event “${event.title}” ends before it starts.`);
  }
  if (manifest.work) checkWork(manifest, { files, lessons, tasks, versions }, problems);
  return problems;
}

/** Release rules may name only the document's own items, and may not wait on each other in a loop. */
function checkReleaseRules(manifest: CourseManifest, held: Record<"module" | "lesson" | "task", Set<string>>, problems: string[]) {
  const items: { kind: "module" | "lesson" | "task"; title: string; rule: ManifestReleaseRule | null | undefined }[] = [
    ...manifest.modules.map((entry) => ({ kind: "module" as const, title: entry.title, rule: entry.releaseRule })),
    ...manifest.lessons.map((entry) => ({ kind: "lesson" as const, title: entry.title, rule: entry.releaseRule })),
    ...manifest.tasks.map((entry) => ({ kind: "task" as const, title: entry.title, rule: entry.releaseRule })),
  ];
  let dangling = false;
  for (const item of items) {
    for (const condition of item.rule?.conditions ?? []) {
      const ref = condition.kind === "completed" ? condition.item : condition.kind === "score" ? { kind: "task" as const, id: condition.taskId } : null;
      if (ref && !held[ref.kind].has(ref.id)) {
        dangling = true;
        problems.push(`The release conditions of the ${item.kind} “${item.title}” name the ${ref.kind} ${ref.id}, which the document does not hold.`);
      }
    }
  }
  if (dangling) return;
  const outline = {
    modules: manifest.modules.map((entry) => ({ id: entry.id, title: entry.title, rule: entry.releaseRule ?? null })),
    lessons: manifest.lessons.map((entry) => ({ id: entry.id, moduleId: entry.moduleId, title: entry.title, rule: entry.releaseRule ?? null })),
    tasks: manifest.tasks.map((entry) => ({ id: entry.id, moduleId: entry.moduleId, title: entry.title, rule: entry.releaseRule ?? null, published: entry.status === "published", maxPoints: entry.maxPoints })),
  };
  const cycle = findCycle(outline);
  if (cycle) problems.push(cycleMessage(outline, cycle));
}

function checkWork(manifest: CourseManifest, known: Record<"files" | "lessons" | "tasks" | "versions", Set<string>>, problems: string[]) {
  const work = manifest.work!;
  const users = new Set(work.users.map((user) => user.id));
  const check = (set: Set<string>, id: string, what: string) => {
    if (!set.has(id)) problems.push(`The work names ${what} ${id}, which the document does not hold.`);
  };
  for (const row of work.enrollments) check(users, row.userId, "the user");
  for (const row of work.lessonCompletions) {
    check(users, row.userId, "the user");
    check(known.lessons, row.lessonId, "the lesson");
  }
  for (const row of work.taskProgress) {
    check(users, row.userId, "the user");
    check(known.tasks, row.taskId, "the task");
  }
  for (const row of work.submissions) {
    check(users, row.userId, "the user");
    check(known.tasks, row.taskId, "the task");
    for (const fileId of row.fileIds) check(known.files, fileId, "the file");
  }
  for (const row of work.attempts) {
    check(users, row.userId, "the user");
    check(known.tasks, row.taskId, "the task");
    for (const id of row.questionOrder) check(known.versions, id, "the question version");
    for (const answer of row.answers) check(known.versions, answer.questionId, "the question version");
  }
  for (const thread of manifest.discussions) for (const post of thread.posts) if (post.authorId !== null) check(users, post.authorId, "the user");
  for (const announcement of manifest.announcements) if (announcement.authorId !== null) check(users, announcement.authorId, "the user");
}

/** The problems as one message: the first few, and how many more. */
export function describeProblems(problems: readonly string[]): string {
  const more = problems.length - shown;
  return `The course document is inconsistent, so nothing was imported: ${problems.slice(0, shown).join(" ")}${more > 0 ? ` (and ${more} more)` : ""}`;
}
