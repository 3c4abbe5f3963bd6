import type { CourseManifest } from "@/lib/course-transfer/manifest";
import type { Identifiers } from "./identifiers";
import type { OrganizationItem } from "./manifest-xml";

// The course outline as the cartridge's organization: each module a folder
// of its lessons and then its tasks, both in position order, modules in
// position order; tasks outside any module follow the modules. Something
// left out of the cartridge has no resource and so no item.

const byPosition = <T extends { position: number }>(list: readonly T[]) => [...list].sort((a, b) => a.position - b.position);

export function outline(manifest: CourseManifest, ids: Identifiers, resourceOf: (key: string) => string | null): OrganizationItem[] {
  const leaf = (key: string, id: string, title: string): OrganizationItem[] => {
    const identifierref = resourceOf(key);
    return identifierref === null ? [] : [{ identifier: ids.of(`item:${key}`, `${id}_item`), title, identifierref, children: [] }];
  };
  const tasksIn = (moduleId: string | null) => byPosition(manifest.tasks.filter((task) => task.moduleId === moduleId)).flatMap((task) => leaf(`task:${task.id}`, task.id, task.title));
  const modules = byPosition(manifest.modules).map((courseModule) => ({
    identifier: ids.of(`module:${courseModule.id}`, courseModule.id),
    title: courseModule.title,
    children: [
      ...byPosition(manifest.lessons.filter((lesson) => lesson.moduleId === courseModule.id)).flatMap((lesson) => leaf(`lesson:${lesson.id}`, lesson.id, lesson.title)),
      ...tasksIn(courseModule.id),
    ],
  }));
  return [...modules, ...tasksIn(null)];
}
