import { eq } from "drizzle-orm";
import { certificates } from "@/db/schema";
import { certificateJson, listCourseCertificatesContract } from "@/lib/api/contracts/certificates";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { listCertificatesAfter } from "@/lib/certificates/queries";
import { certificateCourseNotFoundMessage, loadCertificateCourse } from "@/lib/certificates/rule-commands";

export const GET = apiRoute(listCourseCertificatesContract, async ({ db, user, params, query, url }) => {
  const course = await loadCertificateCourse(db, user, params.courseId);
  if (!course) throw new ApiProblem("not_found", certificateCourseNotFoundMessage);
  const rows = await listCertificatesAfter(db, user, eq(certificates.courseId, course.id), query);
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, ...row }) => certificateJson(row));
});
