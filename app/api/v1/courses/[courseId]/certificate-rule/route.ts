import { deleteCertificateRuleContract, getCertificateRuleContract, putCertificateRuleContract } from "@/lib/api/contracts/certificates";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import {
  certificateCourseNotFoundMessage,
  loadCertificateCourse,
  removeCertificateRule,
  ruleOf,
  saveCertificateRule,
} from "@/lib/certificates/rule-commands";

// The same domain functions as the course's certificates page: audited.
export const GET = apiRoute(getCertificateRuleContract, async ({ db, user, params }) => {
  const course = await loadCertificateCourse(db, user, params.courseId);
  if (!course) throw new ApiProblem("not_found", certificateCourseNotFoundMessage);
  return { courseId: course.id, rule: await ruleOf(db, course.id) };
});

export const PUT = apiRoute(putCertificateRuleContract, async ({ db, user, params, body }) => {
  const saved = await saveCertificateRule(db, user, { courseId: params.courseId, ...body });
  return { courseId: saved.courseId, rule: saved.rule };
});

export const DELETE = apiRoute(deleteCertificateRuleContract, async ({ db, user, params }) => {
  const removed = await removeCertificateRule(db, user, params.courseId);
  return { courseId: removed.courseId, rule: null };
});
