import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFImage, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { formatCertificateCode } from "./code";
import type { CertificateFonts } from "./fonts";
import { drawRuns, embedTypeface, scriptsIn, widthOf, type Typeface } from "./typeface";

// The certificate as a one-page A4 landscape PDF, drawn with pdf-lib: the
// template's title, logo and wording, the student's name large, the course,
// date, teacher and signature, and the verification code with a QR code of
// the public verification address. Pure: it is handed the fonts, the logo's
// bytes and the values, and answers the file's bytes.

export interface CertificatePdfInput {
  title: string;
  /** The template's wording with its placeholders filled in. */
  wording: string;
  recipientName: string;
  courseTitle: string;
  teacherName: string;
  /** The issue date as printed ("12 March 2026"). */
  dateText: string;
  signatureName: string;
  signatureTitle: string;
  code: string;
  verifyUrl: string;
  siteName: string;
  logo?: { bytes: Uint8Array; mimeType: string } | null;
  /** Printed across the page for a template preview or a revoked certificate. */
  watermark?: string | null;
}

const page = { width: 841.89, height: 595.28 } as const;
const margin = 48;
const ink = rgb(0.11, 0.13, 0.18);
const muted = rgb(0.35, 0.38, 0.45);
const accent = rgb(0.12, 0.31, 0.62);

/** The text broken into lines no wider than `width`, at word boundaries (a word longer than the line stays whole). */
export function wrapText(text: string, face: Typeface, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && widthOf(candidate, face, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The largest size up to `size` at which the text fits the width, never below `min`. */
const fittedSize = (text: string, face: Typeface, size: number, width: number, min: number) => {
  const natural = widthOf(text, face, size);
  return natural <= width ? size : Math.max(min, (size * width) / natural);
};

function centred(target: PDFPage, text: string, y: number, face: Typeface, size: number, color = ink) {
  drawRuns(target, text, { x: (page.width - widthOf(text, face, size)) / 2, y, size, face, color });
}

async function embedLogo(pdf: PDFDocument, logo: CertificatePdfInput["logo"]): Promise<PDFImage | null> {
  if (!logo) return null;
  try {
    if (logo.mimeType === "image/png") return await pdf.embedPng(logo.bytes);
    if (logo.mimeType === "image/jpeg") return await pdf.embedJpg(logo.bytes);
  } catch {
    // A logo pdf-lib cannot read (an unusual PNG variant) leaves the certificate without it rather than without a PDF.
    return null;
  }
  return null;
}

export async function renderCertificatePdf(input: CertificatePdfInput, fonts: CertificateFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const needed = scriptsIn([input.title, input.wording, input.recipientName, input.courseTitle, input.teacherName, input.signatureName, input.signatureTitle, input.siteName]);
  const regular = await embedTypeface(pdf, fonts.regular, needed);
  const bold = await embedTypeface(pdf, fonts.bold, needed);
  const code = formatCertificateCode(input.code);

  pdf.setTitle(`${input.title}: ${input.recipientName}, ${input.courseTitle}`, { showInWindowTitleBar: true });
  pdf.setSubject(`Certificate ${code} for ${input.courseTitle}, verify at ${input.verifyUrl}`);
  pdf.setAuthor(input.siteName);
  pdf.setKeywords(["certificate", code, input.courseTitle]);
  pdf.setCreator(input.siteName);
  pdf.setProducer(input.siteName);
  pdf.setLanguage("en");

  const sheet = pdf.addPage([page.width, page.height]);
  sheet.drawRectangle({ x: 20, y: 20, width: page.width - 40, height: page.height - 40, borderColor: accent, borderWidth: 3 });
  sheet.drawRectangle({ x: 28, y: 28, width: page.width - 56, height: page.height - 56, borderColor: accent, borderWidth: 0.75 });

  const inner = page.width - 2 * margin - 40;
  let y = page.height - margin - 20;
  const logo = await embedLogo(pdf, input.logo);
  if (logo) {
    const scale = Math.min(140 / logo.width, 60 / logo.height, 1);
    const width = logo.width * scale;
    const height = logo.height * scale;
    sheet.drawImage(logo, { x: (page.width - width) / 2, y: y - height, width, height });
    y -= height + 24;
  } else {
    centred(sheet, input.siteName, y - 12, bold, 14, accent);
    y -= 40;
  }

  const titleSize = fittedSize(input.title, bold, 30, inner, 16);
  centred(sheet, input.title, y - titleSize, bold, titleSize, accent);
  y -= titleSize + 36;

  const nameSize = fittedSize(input.recipientName, bold, 38, inner, 18);
  centred(sheet, input.recipientName, y - nameSize, bold, nameSize);
  y -= nameSize + 22;

  const courseSize = fittedSize(input.courseTitle, regular, 20, inner, 11);
  centred(sheet, input.courseTitle, y - courseSize, regular, courseSize, muted);
  y -= courseSize + 26;

  for (const line of wrapText(input.wording, regular, 13, inner).slice(0, 6)) {
    centred(sheet, line, y - 13, regular, 13);
    y -= 19;
  }

  // The foot: date and teacher on the left, the signature in the middle, the QR code on the right.
  const footY = 112;
  drawRuns(sheet, "Date", { x: margin + 20, y: footY + 22, size: 10, face: regular, color: muted });
  drawRuns(sheet, input.dateText, { x: margin + 20, y: footY + 6, size: 13, face: bold, color: ink });
  drawRuns(sheet, "Teacher", { x: margin + 20, y: footY - 18, size: 10, face: regular, color: muted });
  drawRuns(sheet, input.teacherName.slice(0, 60), { x: margin + 20, y: footY - 34, size: 13, face: bold, color: ink });

  if (input.signatureName || input.signatureTitle) {
    const lineX = page.width / 2 - 110;
    sheet.drawLine({ start: { x: lineX, y: footY + 4 }, end: { x: lineX + 220, y: footY + 4 }, thickness: 0.75, color: muted });
    if (input.signatureName) centred(sheet, input.signatureName.slice(0, 60), footY - 12, bold, 12);
    if (input.signatureTitle) centred(sheet, input.signatureTitle.slice(0, 60), footY - 28, regular, 10, muted);
  }

  const qrPng = await QRCode.toBuffer(input.verifyUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });
  const qr = await pdf.embedPng(new Uint8Array(qrPng));
  const qrSize = 92;
  const qrX = page.width - margin - 20 - qrSize;
  sheet.drawImage(qr, { x: qrX, y: footY - 40, width: qrSize, height: qrSize });

  const verifyLine = `Verification code ${code} · ${input.verifyUrl}`;
  const verifySize = fittedSize(verifyLine, regular, 9, qrX - margin - 40, 6);
  drawRuns(sheet, verifyLine, { x: margin + 20, y: 44, size: verifySize, face: regular, color: muted });

  if (input.watermark) {
    const size = fittedSize(input.watermark, bold, 72, page.width * 0.9, 24);
    const width = widthOf(input.watermark, bold, size);
    drawRuns(sheet, input.watermark, { x: (page.width - width) / 2, y: page.height / 2 - size / 2, size, face: bold, color: rgb(0.8, 0.15, 0.15), opacity: 0.3 });
  }
  return pdf.save();
}
