import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { certificateFonts } from "@/lib/certificates/fonts";
import { renderCertificatePdf, type CertificatePdfInput } from "@/lib/certificates/pdf";
import { scriptRuns } from "@/lib/certificates/typeface";

const fonts = certificateFonts;

// The smallest valid PNG: one transparent pixel.
const onePixelPng = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);

/** What the file holds: its images and the names of its embedded font programs, read back with pdf-lib. */
async function contentsOf(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  let images = 0;
  const fontNames: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    if (dict.get(PDFName.of("Subtype")) === PDFName.of("Image")) images++;
    if (dict.get(PDFName.of("FontFile2"))) fontNames.push(String(dict.get(PDFName.of("FontName"))));
  }
  return { images, fontNames: fontNames.sort() };
}

const input: CertificatePdfInput = {
  title: "Certificate of completion",
  wording: "This certifies that Zoë Дмитриева has completed Physics on 3 March 2026.",
  recipientName: "Zoë Дмитриева",
  courseTitle: "Physics",
  teacherName: "Ms Rao",
  dateText: "3 March 2026",
  signatureName: "A. Principal",
  signatureTitle: "Principal",
  code: "7KQ2M9XD4TRC0B1H",
  verifyUrl: "https://school.example/certificates/7KQ2M9XD4TRC0B1H",
  siteName: "Jeevi Academy",
  logo: { bytes: onePixelPng, mimeType: "image/png" },
};

describe("the certificate PDF", () => {
  it("is one A4 landscape page with the certificate's title, names and code in its metadata", async () => {
    const bytes = await renderCertificatePdf(input, await fonts());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(pdf.getTitle()).toBe("Certificate of completion: Zoë Дмитриева, Physics");
    expect(pdf.getSubject()).toBe("Certificate 7KQ2-M9XD-4TRC-0B1H for Physics, verify at https://school.example/certificates/7KQ2M9XD4TRC0B1H");
    expect(pdf.getAuthor()).toBe("Jeevi Academy");
    expect(pdf.getKeywords()).toContain("7KQ2-M9XD-4TRC-0B1H");
  }, 20_000);

  it("embeds the DejaVu fonts (subsets) and the images: the logo and the QR code", async () => {
    const bytes = await renderCertificatePdf(input, await fonts());
    const { images, fontNames } = await contentsOf(bytes);
    expect(fontNames).toEqual([expect.stringMatching(/^\/DejaVuSans-\d+$/), expect.stringMatching(/^\/DejaVuSans-Bold-\d+$/)]);
    // The logo, its transparency mask (a PNG with alpha) and the QR code.
    expect(images).toBe(3);
    // Subsets keep the file small: a full DejaVu Sans alone is over 700 KB.
    expect(bytes.length).toBeLessThan(200_000);
  }, 20_000);

  it("without a logo has only the QR code, and a logo it cannot read does not stop the PDF", async () => {
    expect((await contentsOf(await renderCertificatePdf({ ...input, logo: null }, await fonts()))).images).toBe(1);
    const broken = await renderCertificatePdf({ ...input, logo: { bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), mimeType: "image/png" } }, await fonts());
    expect((await PDFDocument.load(broken)).getPageCount()).toBe(1);
  }, 20_000);

  it("prints Devanagari and Tamil names in fonts that have their letters, and only embeds those fonts when a text needs them", async () => {
    const bytes = await renderCertificatePdf(
      { ...input, recipientName: "प्रिया நடராஜன்", wording: "This certifies that प्रिया நடராஜன் has completed Physics.", logo: null },
      await fonts(),
    );
    const { fontNames } = await contentsOf(bytes);
    expect(fontNames).toEqual([
      expect.stringMatching(/^\/DejaVuSans-\d+$/),
      expect.stringMatching(/^\/DejaVuSans-Bold-\d+$/),
      expect.stringMatching(/^\/NotoSansDevanagari-\w*-?\d+$/),
      expect.stringMatching(/^\/NotoSansDevanagari-\w*-?\d+$/),
      expect.stringMatching(/^\/NotoSansTamil-\w*-?\d+$/),
      expect.stringMatching(/^\/NotoSansTamil-\w*-?\d+$/),
    ]);
  }, 20_000);
});

describe("script runs", () => {
  it("cuts a text where its script changes, keeping spaces and punctuation in the base font", () => {
    expect(scriptRuns("Priya प्रिया, பிரியா")).toEqual([
      { script: "base", text: "Priya " },
      { script: "devanagari", text: "प्रिया" },
      { script: "base", text: ", " },
      { script: "tamil", text: "பிரியா" },
    ]);
    expect(scriptRuns("محمد علي")).toEqual([{ script: "base", text: "محمد علي" }]);
    expect(scriptRuns("")).toEqual([]);
  });
});
