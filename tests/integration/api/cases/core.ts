import { expect } from "vitest";
import { endpointCases } from "../matrix";

// GET /api/v1/me, the catalogue, a course and the OpenAPI document.
export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/me",
    requests: { own: () => ({ path: "/api/v1/me" }) },
    expect: {
      anonymous: { own: 401 },
      student: { own: { status: 200, check: (a, w) => expect(a.body.id).toBe(w.student.id) } },
      teacher: { own: { status: 200, check: (a, w) => expect(a.body.id).toBe(w.teacher.id) } },
      admin: { own: { status: 200, check: (a, w) => expect(a.body.id).toBe(w.admin.id) } },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses",
    requests: { any: () => ({ path: "/api/v1/courses?limit=100" }) },
    expect: {
      anonymous: { any: 200 },
      student: { any: 200 },
      teacher: {
        any: {
          status: 200,
          // A draft is never in the catalogue, not even for its own teacher.
          check: (a, w) => expect(a.body.data.map((c: { id: string }) => c.id)).not.toContain(w.draftCourse.id),
        },
      },
      admin: { any: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}",
    requests: {
      // "own": the teacher's draft (students and guests must not find it); "other": a published course of another teacher.
      own: (w) => ({ path: `/api/v1/courses/${w.draftCourse.id}` }),
      other: (w) => ({ path: `/api/v1/courses/${w.otherCourse.id}` }),
    },
    expect: {
      anonymous: { own: 404, other: 200 },
      student: { own: 404, other: 200 },
      teacher: { own: 200, other: 200 },
      admin: { own: 200, other: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/openapi.json",
    requests: { any: () => ({ path: "/api/v1/openapi.json" }) },
    expect: { anonymous: { any: 200 }, student: { any: 200 }, teacher: { any: 200 }, admin: { any: 200 } },
  }),
];
