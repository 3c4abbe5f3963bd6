import { and, eq, isNull } from "drizzle-orm";
import { expect } from "vitest";
import { certificates } from "@/db/schema";
import { insertCertificate } from "../../badge-fixtures";
import { testDb } from "../../helpers";
import { endpointCases } from "../matrix";
import type { ApiWorld } from "../world";

// Open Badges: a certificate's signed credential, for its student, its course's teacher and admins.

/** The acting student's certificate in the teacher's course ("own"), or another student's in the other teacher's course. */
async function certificateOf(world: ApiWorld, ownership: "own" | "other") {
  const [userId, courseId] = ownership === "own" ? [world.student.id, world.course.id] : [world.otherStudent.id, world.otherCourse.id];
  // One valid certificate per student and course: the cases before may have made it.
  const [existing] = await testDb()
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId), isNull(certificates.revokedAt)));
  const certificate = existing ?? (await insertCertificate(userId, courseId));
  return { path: `/api/v1/certificates/${certificate.id}/credential` };
}

const signed = {
  status: 200,
  check: (answer: { body: { jwt: string; credential: { type: string[] } } }) => {
    expect(answer.body.jwt.split(".")).toHaveLength(3);
    expect(answer.body.credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
  },
};

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/certificates/{certificateId}/credential",
    requests: { own: (w) => certificateOf(w, "own"), other: (w) => certificateOf(w, "other") },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: signed, other: 404 },
      teacher: { own: signed, other: 404 },
      admin: { own: signed, other: signed },
    },
  }),
];
