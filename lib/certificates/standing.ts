import type { CertificateStanding } from "./queries";

// What a student reads about a course's certificate in the player: pure, so
// the wording is tested without a page.

export type StandingNote =
  | { kind: "none" }
  | { kind: "earned"; certificateId: string; code: string }
  | { kind: "revoked" }
  | { kind: "pending"; steps: string[] };

export function standingNote(standing: CertificateStanding): StandingNote {
  if (standing.certificate && !standing.certificate.revoked) return { kind: "earned", certificateId: standing.certificate.id, code: standing.certificate.code };
  if (!standing.issues) return { kind: "none" };
  if (standing.certificate?.revoked) return { kind: "revoked" };
  const steps: string[] = [];
  if (!standing.enrollmentCompleted) steps.push("Complete every item");
  const minimum = standing.minGradePercent;
  if (minimum !== null && (standing.gradePercent ?? 0) < minimum) steps.push(`Reach ${minimum}% course grade`);
  // Eligible, and the certificate is on its way (the worker issues it in a moment).
  return { kind: "pending", steps };
}
