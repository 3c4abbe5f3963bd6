import { deleteTeacherContract, getTeacherContract, putTeacherContract, sectionTeacherJson } from "@/lib/api/contracts/sections";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { sectionNotFoundMessage } from "@/lib/sections/access";
import { listSectionTeachers } from "@/lib/sections/api-queries";
import { addSectionTeacher, notASectionTeacherMessage, removeSectionTeacher } from "@/lib/sections/teacher-commands";

export const GET = apiRoute(getTeacherContract, async ({ db, user, params }) => {
  const teachers = await listSectionTeachers(db, user, params.courseId, params.sectionId, params.userId);
  if (!teachers) throw new ApiProblem("not_found", sectionNotFoundMessage);
  if (!teachers[0]) throw new ApiProblem("not_found", notASectionTeacherMessage);
  return sectionTeacherJson(teachers[0]);
});

export const PUT = apiRoute(putTeacherContract, async ({ db, user, params }) => {
  await addSectionTeacher(db, user, params);
  const [teacher] = (await listSectionTeachers(db, user, params.courseId, params.sectionId, params.userId)) ?? [];
  return sectionTeacherJson(teacher!);
});

export const DELETE = apiRoute(deleteTeacherContract, async ({ db, user, params }) => {
  const removed = await removeSectionTeacher(db, user, params);
  return { sectionId: removed.sectionId, userId: removed.userId };
});
