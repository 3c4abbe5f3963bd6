import { describe, expect, it } from "vitest";
import { detectFileType } from "@/lib/storage/file-type";
import { sanitizeFileName } from "@/lib/storage/file-name";
import { parseRange } from "@/lib/storage/serve-file";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === "string" ? [...value].map((c) => c.charCodeAt(0)) : [value])));

describe("detectFileType", () => {
  it.each([
    [bytes("%PDF-1.7\n"), "notes.pdf", "application/pdf"],
    [bytes("%PDF-1.4"), "renamed.txt", "application/pdf"],
    [bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0), "a.png", "image/png"],
    [bytes(0xff, 0xd8, 0xff, 0xe0), "a.jpg", "image/jpeg"],
    [bytes("GIF89a"), "a.gif", "image/gif"],
    [bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 "), "a.webp", "image/webp"],
    [bytes(0, 0, 0, 0x20, "ftypisom"), "clip.mp4", "video/mp4"],
    [bytes(0x1a, 0x45, 0xdf, 0xa3), "clip.webm", "video/webm"],
    [bytes("ID3", 4, 0), "talk.mp3", "audio/mpeg"],
    [bytes("PK", 3, 4, 20, 0), "essay.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [bytes("PK", 3, 4, 20, 0), "bundle.zip", "application/zip"],
    [bytes("PK", 3, 4, 20, 0), "evil.exe", "application/zip"],
    [bytes("name,score\nAda,10\n"), "marks.csv", "text/csv"],
    [bytes("# Notes\n"), "notes.md", "text/markdown"],
    [new TextEncoder().encode("Ünïcødé text ✓"), "u.txt", "text/plain"],
  ])("detects %#", (content, name, mime) => {
    expect(detectFileType(content, name)?.mime).toBe(mime);
  });

  it("serves HTML and SVG uploads as plain text, never as markup", () => {
    expect(detectFileType(bytes("<html><script>alert(1)</script></html>"), "page.html")?.mime).toBe("text/plain");
    expect(detectFileType(bytes("<svg onload=alert(1)>"), "logo.svg")?.mime).toBe("text/plain");
  });

  it("judges text from the beginning of a longer file, even when it stops mid-character", () => {
    const head = new TextEncoder().encode("a".repeat(8191) + "é").subarray(0, 8192);
    expect(detectFileType(head, "notes.txt", false)?.mime).toBe("text/plain");
    // The same bytes as a whole file end in half a character: not text.
    expect(detectFileType(head, "notes.txt", true)).toBeNull();
  });

  it("refuses binaries it does not know, whatever their name", () => {
    expect(detectFileType(bytes("MZ", 0x90, 0, 3, 0), "notes.pdf")).toBeNull();
    expect(detectFileType(bytes(0x7f, "ELF", 2, 1, 1, 0), "video.mp4")).toBeNull();
    expect(detectFileType(bytes(0xc3, 0x28, 0xa0, 0xa1), "bad-utf8.txt")).toBeNull();
  });
});

describe("sanitizeFileName", () => {
  it("keeps only a safe base name with the detected extension", () => {
    expect(sanitizeFileName("../../etc/passwd", "txt")).toBe("passwd.txt");
    expect(sanitizeFileName("C:\\Users\\me\\Report.final.PDF", "pdf")).toBe("Report.final.pdf");
    expect(sanitizeFileName('we"ird\u0000\nname.exe', "zip")).toBe("weirdname.zip");
    expect(sanitizeFileName("", "pdf")).toBe("file.pdf");
  });
});

describe("parseRange", () => {
  it.each([
    [null, 100, null],
    ["bytes=0-9", 100, { start: 0, end: 9 }],
    ["bytes=90-", 100, { start: 90, end: 99 }],
    ["bytes=-10", 100, { start: 90, end: 99 }],
    ["bytes=50-1000", 100, { start: 50, end: 99 }],
    ["bytes=100-", 100, "invalid"],
    ["bytes=9-3", 100, "invalid"],
    ["bytes=-", 100, "invalid"],
    ["items=0-1", 100, "invalid"],
    ["bytes=0-1,5-6", 100, "invalid"],
  ])("%s of %i bytes", (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
