import { and, eq, isNull } from "drizzle-orm";
import { expect } from "vitest";
import { certificates } from "@/db/schema";
import { generateCertificateCode } from "@/lib/certificates/code";
import { testDb } from "../../helpers";
import { endpointCases } from "../matrix";
import type { ApiWorld } from "../world";

// Certificates: the student's own, the course teacher's and admins'; revoking
// is the teacher's and admins'; a code is verified by anyone.

/** A valid certificate of the student in the course ("own": the student in the teacher's course; "other": another student elsewhere). */
async function validCertificate(world: ApiWorld, ownership: "own" | "other") {
  const [userId, course] = ownership === "own" ? [world.student.id, world.course] : [world.otherStudent.id, world.otherCourse];
  const [existing] = await testDb()
    .select({ id: certificates.id, code: certificates.code })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.courseId, course.id), isNull(certificates.revokedAt)));
  if (existing) return existing;
  const [created] = await testDb()
    .insert(certificates)
    .values({ code: generateCertificateCode(), userId, courseId: course.id, recipientName: "Asha Verma", courseTitle: "Forces", teacherName: "Ms Rao" })
    .returning({ id: certificates.id, code: certificates.code });
  return created!;
}

const rulePath = (world: ApiWorld, ownership: "own" | "other") =>
  `/api/v1/courses/${(ownership === "own" ? world.course : world.otherCourse).id}/certificate-rule`;

const courseRequests = (suffix: string, extra: { method?: "PUT" | "DELETE"; body?: unknown } = {}) => ({
  own: (w: ApiWorld) => ({ ...extra, path: `/api/v1/courses/${w.course.id}${suffix}` }),
  other: (w: ApiWorld) => ({ ...extra, path: `/api/v1/courses/${w.otherCourse.id}${suffix}` }),
});

const teacherOnly = { anonymous: { own: 401, other: 401 }, student: { own: 404, other: 404 }, teacher: { own: 200, other: 404 }, admin: { own: 200, other: 200 } };

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/me/certificates",
    requests: {
      any: async (w) => {
        await validCertificate(w, "own");
        return { path: "/api/v1/me/certificates" };
      },
    },
    expect: {
      anonymous: { any: 401 },
      student: { any: { status: 200, check: (a, w) => expect(a.body.data.map((c: { student: { id: string } }) => c.student.id)).toEqual([w.student.id]) } },
      teacher: { any: { status: 200, check: (a) => expect(a.body.data).toEqual([]) } },
      admin: { any: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/certificates",
    requests: {
      own: async (w) => {
        await validCertificate(w, "own");
        return { path: `/api/v1/courses/${w.course.id}/certificates` };
      },
      other: async (w) => {
        await validCertificate(w, "other");
        return { path: `/api/v1/courses/${w.otherCourse.id}/certificates` };
      },
    },
    expect: {
      ...teacherOnly,
      teacher: { own: { status: 200, check: (a) => expect(a.body.data.length).toBeGreaterThan(0) }, other: 404 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/certificates/{certificateId}",
    requests: {
      own: async (w) => ({ path: `/api/v1/certificates/${(await validCertificate(w, "own")).id}` }),
      other: async (w) => ({ path: `/api/v1/certificates/${(await validCertificate(w, "other")).id}` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: { status: 200, check: (a, w) => expect(a.body).toMatchObject({ status: "valid", student: { id: w.student.id } }) }, other: 404 },
      teacher: { own: 200, other: 404 },
      admin: { own: 200, other: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/certificates/{certificateId}/revoke",
    requests: {
      own: async (w) => ({ method: "POST", path: `/api/v1/certificates/${(await validCertificate(w, "own")).id}/revoke`, body: { reason: "Issued by mistake" } }),
      other: async (w) => ({ method: "POST", path: `/api/v1/certificates/${(await validCertificate(w, "other")).id}/revoke`, body: {} }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      // Its student sees it, but may not withdraw it.
      student: { own: 403, other: 404 },
      teacher: { own: { status: 200, check: (a) => expect(a.body).toMatchObject({ status: "revoked", revokedReason: "Issued by mistake" }) }, other: 404 },
      admin: { own: 200, other: { status: 200, check: (a) => expect(a.body).toMatchObject({ status: "revoked", revokedReason: "" }) } },
    },
  }),
  ...endpointCases({ endpoint: "GET /api/v1/courses/{courseId}/certificate-rule", requests: courseRequests("/certificate-rule"), expect: teacherOnly }),
  ...endpointCases({
    endpoint: "PUT /api/v1/courses/{courseId}/certificate-rule",
    requests: courseRequests("/certificate-rule", { method: "PUT", body: { minGradePercent: 70, templateId: null } }),
    expect: {
      ...teacherOnly,
      teacher: { own: { status: 200, check: (a) => expect(a.body.rule).toEqual({ minGradePercent: 70, templateId: null }) }, other: 404 },
    },
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/courses/{courseId}/certificate-rule",
    requests: { own: (w) => ({ method: "DELETE", path: rulePath(w, "own") }), other: (w) => ({ method: "DELETE", path: rulePath(w, "other") }) },
    expect: teacherOnly,
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/certificates/verify/{code}",
    requests: { any: async (w) => ({ path: `/api/v1/certificates/verify/${(await validCertificate(w, "own")).code.toLowerCase()}` }) },
    // Public: the same answer for everyone, with only what the certificate says.
    expect: Object.fromEntries(
      (["anonymous", "student", "teacher", "admin"] as const).map((role) => [
        role,
        {
          any: {
            status: 200,
            check: (a: { body: Record<string, unknown> }) => {
              expect(a.body).toMatchObject({ status: "valid", recipientName: expect.any(String), issuer: expect.any(String) });
              expect(Object.keys(a.body).sort()).toEqual(["code", "courseTitle", "issuedAt", "issuer", "recipientName", "revokedAt", "revokedReason", "status", "teacherName"]);
            },
          },
        },
      ]),
    ) as never,
  }),
];
