import { describe, expect, it } from "vitest";
import { describeSize, uploadLimit } from "@/lib/storage/limits";

describe("uploadLimit", () => {
  it("defaults to 50 MB of documents, images, archives and text, and 500 MB of video", () => {
    expect(uploadLimit("document", {})).toEqual({ accepts: ["document", "image", "archive", "text"], maxBytes: 50 * 1024 * 1024 });
    expect(uploadLimit("video", {})).toEqual({ accepts: ["video"], maxBytes: 500 * 1024 * 1024 });
  });

  it("takes each kind's limit from its own variable", () => {
    const env = { UPLOAD_MAX_DOCUMENT_MB: "10", UPLOAD_MAX_VIDEO_MB: "1.5" };
    expect(uploadLimit("document", env).maxBytes).toBe(10 * 1024 * 1024);
    expect(uploadLimit("video", env).maxBytes).toBe(1.5 * 1024 * 1024);
  });

  it("goes up to 4 GB, a recorded lecture", () => {
    expect(uploadLimit("video", { UPLOAD_MAX_VIDEO_MB: "4096" }).maxBytes).toBe(4 * 1024 * 1024 * 1024);
  });

  it.each(["0", "-5", "lots", "4097"])("refuses %s megabytes, naming the variable", (value) => {
    expect(() => uploadLimit("video", { UPLOAD_MAX_VIDEO_MB: value })).toThrow(/^UPLOAD_MAX_VIDEO_MB must be a number of megabytes/);
  });
});

describe("describeSize", () => {
  it("speaks in megabytes, or kilobytes below one", () => {
    expect(describeSize(500 * 1024 * 1024)).toBe("500 MB");
    expect(describeSize(1048)).toBe("1 KB");
    expect(describeSize(100)).toBe("1 KB");
  });
});
