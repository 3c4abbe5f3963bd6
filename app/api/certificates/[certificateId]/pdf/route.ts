import { db } from "@/db";
import { userOfRequest } from "@/lib/api/authenticate-request";
import { loadAccessibleCertificate } from "@/lib/certificates/access";
import { certificatePdf, pdfHeaders } from "@/lib/certificates/certificate-pdf";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// A certificate's PDF, for its student, its course's teacher and admins;
// anyone else, guests included, gets the same not-found as a missing one.
// Drawn on each request from the record (a revoked one is marked REVOKED).
export async function GET(request: Request, { params }: { params: Promise<{ certificateId: string }> }) {
  const { certificateId } = await params;
  const user = await userOfRequest(db, request);
  if (!user) return notFound();
  const certificate = await loadAccessibleCertificate(db, user, certificateId);
  if (!certificate) return notFound();
  const bytes = await certificatePdf(db, certificate);
  return new Response(Buffer.from(bytes), { status: 200, headers: pdfHeaders(`certificate-${certificate.code}.pdf`) });
}
