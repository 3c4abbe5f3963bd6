import type { CourseManifest } from "@/lib/course-transfer/manifest";

// Two course documents describe the same course when they differ only in ids
// (every copy has new ones) and in how positions are numbered. This rewrites a
// document into a form where ids are labels given in content order and
// positions are indexes, so a copy can be compared with its source by toEqual.

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function canonical(manifest: CourseManifest, options: { keepWork?: boolean } = {}) {
  const labels = new Map<string, string>();
  const label = (id: string | null | undefined, name: string) => {
    if (id && !labels.has(id)) labels.set(id, name);
  };
  const modules = [...manifest.modules].sort((a, b) => a.position - b.position);
  modules.forEach((module, index) => label(module.id, `module-${index}`));
  const moduleIndex = new Map(modules.map((module, index) => [module.id, index]));
  const lessons = [...manifest.lessons].sort((a, b) => moduleIndex.get(a.moduleId)! - moduleIndex.get(b.moduleId)! || a.position - b.position);
  lessons.forEach((lesson, index) => label(lesson.id, `lesson-${index}`));
  const files = [...manifest.files].sort((a, b) => byText(`${a.role}/${a.name}/${a.sha256}`, `${b.role}/${b.name}/${b.sha256}`));
  files.forEach((file, index) => label(file.id, `file-${index}`));
  const parentOf = new Map(manifest.questionCategories.map((category) => [category.id, category]));
  const pathOf = (id: string | null): string => {
    const category = id ? parentOf.get(id) : undefined;
    return category ? `${pathOf(category.parentId)}/${category.name}` : "";
  };
  const categories = [...manifest.questionCategories].sort((a, b) => byText(pathOf(a.id), pathOf(b.id)));
  categories.forEach((category, index) => label(category.id, `category-${index}`));
  const current = (question: CourseManifest["questions"][number]) => question.versions.find((version) => version.isCurrent)!;
  const questions = [...manifest.questions].sort((a, b) => byText(`${pathOf(a.categoryId)}|${current(a).text}|${current(a).name}`, `${pathOf(b.categoryId)}|${current(b).text}|${current(b).name}`));
  questions.forEach((question, index) => {
    label(question.id, `question-${index}`);
    question.versions.forEach((version) => {
      label(version.id, `question-${index}-v${version.version}`);
      [...version.choices].sort((a, b) => a.position - b.position).forEach((choice, position) => label(choice.id, `question-${index}-v${version.version}-choice-${position}`));
    });
  });
  const tasks = [...manifest.tasks].sort((a, b) => a.position - b.position);
  tasks.forEach((task, index) => label(task.id, `task-${index}`));
  const discussions = [...manifest.discussions].sort((a, b) => byText(a.title, b.title));
  discussions.forEach((thread, index) => label(thread.id, `thread-${index}`));
  manifest.work?.users.forEach((user) => label(user.id, `user-${user.email.toLowerCase()}`));

  const shape = {
    course: manifest.course,
    files: files.map(({ sizeBytes: _size, mimeType: _mime, ...file }) => file),
    modules: modules.map((module, position) => ({ ...module, position })),
    lessons: lessons.map((lesson) => lesson),
    questionCategories: categories,
    questions: questions.map((question) => ({ ...question, versions: [...question.versions].sort((a, b) => a.version - b.version) })),
    tasks: tasks.map((task, position) => ({ ...task, position })),
    discussions: discussions.map((thread) => ({ ...thread, posts: thread.posts.map(({ createdAt: _at, ...post }) => post) })),
    work: options.keepWork ? manifest.work : null,
  };
  // Positions inside a module are compared as order, not as the numbers stored.
  const lessonPosition = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const lesson of lessons) {
    const next = counters.get(lesson.moduleId) ?? 0;
    lessonPosition.set(lesson.id, next);
    counters.set(lesson.moduleId, next + 1);
  }
  shape.lessons = lessons.map((lesson) => ({ ...lesson, position: lessonPosition.get(lesson.id)! }));

  let json = JSON.stringify(shape);
  for (const [id, name] of [...labels].sort((a, b) => b[0].length - a[0].length)) json = json.split(id).join(name);
  return JSON.parse(json) as typeof shape;
}
