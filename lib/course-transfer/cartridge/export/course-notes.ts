import type { CourseManifest, TransferNote } from "@/lib/course-transfer/manifest";

// What a cartridge has no place for across the whole course, said once for
// the course rather than once per lesson or question.

const where = "Course";
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function courseNotes(manifest: CourseManifest, usedQuestions: ReadonlySet<string>): TransferNote[] {
  const notes: TransferNote[] = [];
  const { course } = manifest;
  const lost = [course.learningObjectives.trim() ? "learning objectives" : null, course.prerequisites.trim() ? "prerequisites" : null].filter((part) => part !== null);
  if (lost.length > 0) notes.push({ where, message: `A cartridge describes a course by its title, description and keywords: the ${lost.join(" and ")} are left out.` });
  if (manifest.work !== null) notes.push({ where, message: "Enrolments and students' work are not part of a cartridge; they are left out." });
  const paced = [...manifest.modules, ...manifest.lessons, ...manifest.tasks].filter((item) => item.releaseRule).length;
  if (paced > 0)
    notes.push({ where, message: `A cartridge has no release conditions: those of ${count(paced, "item", "items")} are left out, so everything opens at once (the Jeevi backup format keeps them).` });
  if (manifest.events.length > 0)
    notes.push({ where, message: `A cartridge has no course calendar: ${count(manifest.events.length, "event is", "events are")} left out (the Jeevi backup format keeps them).` });
  const withDescription = manifest.modules.filter((module) => module.description.trim() !== "");
  for (const courseModule of withDescription) notes.push({ where: `Module “${courseModule.title}”`, message: "A cartridge's module is a titled folder: its description is left out." });
  const timed = manifest.lessons.filter((lesson) => lesson.durationMinutes !== null).length;
  if (timed > 0) notes.push({ where, message: `A cartridge has no lesson durations: those of ${count(timed, "lesson", "lessons")} are left out.` });
  const unpublished = manifest.tasks.filter((task) => task.status !== "published").length;
  if (unpublished > 0) notes.push({ where, message: `A cartridge does not say whether a task is published: ${count(unpublished, "draft or archived task is", "draft or archived tasks are")} written like the others.` });
  const bank = manifest.questions.filter((question) => !question.deleted);
  const unused = bank.filter((question) => !usedQuestions.has(question.id)).length;
  if (unused > 0) notes.push({ where, message: `${count(unused, "question of the bank is", "questions of the bank are")} in no quiz and no random draw, so not in the cartridge; the Jeevi backup format keeps the whole bank.` });
  if (bank.some((question) => question.tags.length > 0)) notes.push({ where, message: "A cartridge's questions have no tags: the bank's tags are left out." });
  if (bank.some((question) => question.versions.length > 1)) notes.push({ where, message: "A cartridge holds each question as it is now: earlier versions are left out." });
  return notes;
}
