// Certificates for the Open Badges tests, inserted directly (issuing them is
// the certificates feature's job, tested there). Not a test file.
import { certificateRules, certificates } from "@/db/schema";
import { generateCertificateCode } from "@/lib/certificates/code";
import { testDb } from "./helpers";

process.env.AUTH_SECRET ??= "open-badges-test-secret-0123456789abcdef";
process.env.SITE_URL ??= "https://school.example";

export async function insertCertificate(userId: string, courseId: string, overrides: Partial<typeof certificates.$inferInsert> = {}) {
  const [row] = await testDb()
    .insert(certificates)
    .values({
      code: generateCertificateCode(),
      userId,
      courseId,
      recipientName: "Asha Rao",
      courseTitle: "Algebra I",
      teacherName: "Mr. Iyer",
      gradePercent: 91,
      issuedAt: new Date("2026-02-01T10:00:00Z"),
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertCertificateRule(courseId: string, minGradePercent: number | null = null) {
  await testDb().insert(certificateRules).values({ courseId, minGradePercent }).onConflictDoNothing();
}

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a public route handler in-process, as Next.js would. */
export function callRoute<P>(handler: Route<P>, path: string, params: P): Promise<Response> {
  return handler(new Request(`https://school.example${path}`), { params: Promise.resolve(params) });
}
