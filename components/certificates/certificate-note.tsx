import Link from "next/link";
import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadCertificateStanding } from "@/lib/certificates/queries";
import { standingNote } from "@/lib/certificates/standing";
import { formatPercent } from "@/lib/format";

/**
 * The course's certificate in the player, for its student: a link once earned,
 * else what is still needed ("Complete every item", "Reach 70% course grade");
 * nothing when the course gives no certificates.
 */
export async function CertificateNote({ courseId }: { courseId: string }) {
  const user = await getCurrentUser();
  if (!user || user.role !== "student") return null;
  const standing = await loadCertificateStanding(db, user, courseId);
  const note = standingNote(standing);
  if (note.kind === "none") return null;
  if (note.kind === "earned") {
    return (
      <p className="text-sm">
        <Link href="/certificates" className="font-semibold text-brand-700 underline">
          Certificate
        </Link>{" "}
        <span className="text-ink-muted">· you earned this course&apos;s certificate.</span>
      </p>
    );
  }
  if (note.kind === "revoked") return <p className="text-sm text-ink-muted">Your certificate for this course was revoked.</p>;
  return (
    <p className="text-sm text-ink-muted">
      This course gives a certificate.{" "}
      {note.steps.length > 0
        ? `To earn it: ${note.steps.join(" and ")}${standing.gradePercent !== null && standing.minGradePercent !== null ? ` (your course grade is ${formatPercent(standing.gradePercent)})` : ""}.`
        : "Yours is being issued: it appears under My certificates in a moment."}
    </p>
  );
}
