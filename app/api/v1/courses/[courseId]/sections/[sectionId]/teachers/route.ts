import { listTeachersContract, sectionTeacherJson } from "@/lib/api/contracts/sections";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { sectionNotFoundMessage } from "@/lib/sections/access";
import { listSectionTeachers } from "@/lib/sections/api-queries";

export const GET = apiRoute(listTeachersContract, async ({ db, user, params }) => {
  const teachers = await listSectionTeachers(db, user, params.courseId, params.sectionId);
  if (!teachers) throw new ApiProblem("not_found", sectionNotFoundMessage);
  return { data: teachers.map(sectionTeacherJson) };
});
