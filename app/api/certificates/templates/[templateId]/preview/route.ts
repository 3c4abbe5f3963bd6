import { z } from "zod";
import { db } from "@/db";
import { userOfRequest } from "@/lib/api/authenticate-request";
import { can } from "@/lib/auth/policy";
import { templatePreviewPdf, pdfHeaders } from "@/lib/certificates/certificate-pdf";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// A template drawn with sample names, marked PREVIEW: for admins, who manage templates.
export async function GET(request: Request, { params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  if (!z.uuid().safeParse(templateId).success) return notFound();
  const user = await userOfRequest(db, request);
  if (!user || !can(user, "certificateTemplate.manage")) return notFound();
  const bytes = await templatePreviewPdf(db, templateId);
  return bytes ? new Response(Buffer.from(bytes), { status: 200, headers: pdfHeaders("certificate-preview.pdf") }) : notFound();
}
