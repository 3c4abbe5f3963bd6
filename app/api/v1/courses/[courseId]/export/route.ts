import { db as database } from "@/db";
import { exportCourseContract } from "@/lib/api/contracts/course-transfers";
import { ApiProblem } from "@/lib/api/problem";
import { ApiFile, apiRoute } from "@/lib/api/route";
import { exportCourse } from "@/lib/course-transfer/export-course";

// The zip is made while it is sent. exportCourse takes the database itself, which is what a GET's `db` is.
export const GET = apiRoute(exportCourseContract, async ({ user, params, query }) => {
  const exported = await exportCourse(database, user, params.courseId, query.format);
  if (!exported) throw new ApiProblem("not_found", "This course does not exist, or you cannot export it.");
  return new ApiFile(exported.stream, exported.contentType, exported.fileName);
});
