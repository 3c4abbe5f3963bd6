import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificateTemplates, storedFiles } from "@/db/schema";
import { absoluteUrl, siteName } from "@/lib/site/config";
import { getStorage } from "@/lib/storage";
import type { AccessibleCertificate } from "./access";
import { certificateFonts } from "./fonts";
import { renderCertificatePdf } from "./pdf";
import { fallbackTemplate, fillWording, formatIssueDate } from "./wording";

// A certificate's PDF from its stored record: the names as issued, the
// template as it is now (its look may be improved later; what the
// certificate says stays), the logo from storage.

const logoTypes = new Set(["image/png", "image/jpeg"]);
/** A logo is small (the upload refuses more); this guards a file changed behind our back. */
const maxLogoBytes = 2 * 1024 * 1024;

export const verificationPath = (code: string) => `/certificates/${code}`;
export const verificationUrl = (code: string) => absoluteUrl(verificationPath(code));

async function readLogo(db: DbOrTx, fileId: string | null) {
  if (!fileId) return null;
  const [file] = await db
    .select({ storageKey: storedFiles.storageKey, mimeType: storedFiles.mimeType, sizeBytes: storedFiles.sizeBytes })
    .from(storedFiles)
    .where(eq(storedFiles.id, fileId));
  if (!file || !logoTypes.has(file.mimeType) || file.sizeBytes > maxLogoBytes) return null;
  const stream = await getStorage().get(file.storageKey);
  if (!stream) return null;
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return { bytes, mimeType: file.mimeType };
}

/** The template a certificate is drawn with: its own, else the site's default, else the built-in wording. */
async function templateFor(db: DbOrTx, templateId: string | null) {
  const [template] = templateId
    ? await db.select().from(certificateTemplates).where(eq(certificateTemplates.id, templateId))
    : await db.select().from(certificateTemplates).where(eq(certificateTemplates.isDefault, true));
  if (template) return template;
  if (templateId) return templateFor(db, null);
  return { ...fallbackTemplate, logoFileId: null };
}

type CertificateFields = Pick<AccessibleCertificate, "code" | "templateId" | "recipientName" | "courseTitle" | "teacherName" | "issuedAt" | "revokedAt">;

export async function certificatePdf(db: DbOrTx, certificate: CertificateFields): Promise<Uint8Array> {
  const template = await templateFor(db, certificate.templateId);
  return drawWith(db, template, certificate, certificate.revokedAt ? "REVOKED" : null);
}

async function drawWith(
  db: DbOrTx,
  template: { title: string; wording: string; signatureName: string; signatureTitle: string; logoFileId: string | null },
  certificate: Omit<CertificateFields, "templateId" | "revokedAt">,
  watermark: string | null,
) {
  const dateText = formatIssueDate(certificate.issuedAt);
  const [fonts, logo] = await Promise.all([certificateFonts(), readLogo(db, template.logoFileId)]);
  return renderCertificatePdf(
    {
      title: template.title,
      wording: fillWording(template.wording, {
        student: certificate.recipientName,
        course: certificate.courseTitle,
        date: dateText,
        teacher: certificate.teacherName,
      }),
      recipientName: certificate.recipientName,
      courseTitle: certificate.courseTitle,
      teacherName: certificate.teacherName,
      dateText,
      signatureName: template.signatureName,
      signatureTitle: template.signatureTitle,
      code: certificate.code,
      verifyUrl: verificationUrl(certificate.code),
      siteName: siteName(),
      logo,
      watermark,
    },
    fonts,
  );
}

/** A template drawn with sample names and a sample code, marked as a preview; null when the template does not exist. */
export async function templatePreviewPdf(db: DbOrTx, templateId: string): Promise<Uint8Array | null> {
  const [template] = await db.select().from(certificateTemplates).where(eq(certificateTemplates.id, templateId));
  if (!template) return null;
  return drawWith(
    db,
    template,
    { code: "SAMPLE0000000000", recipientName: "Aarav Sharma", courseTitle: "Physics: Motion and Forces", teacherName: "Meera Iyer", issuedAt: new Date() },
    "PREVIEW",
  );
}

/** The PDF's download headers: always a download, never cached by anyone but the reader. */
export const pdfHeaders = (fileName: string) => ({
  "Content-Type": "application/pdf",
  "Content-Disposition": `attachment; filename="${fileName}"`,
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
});
