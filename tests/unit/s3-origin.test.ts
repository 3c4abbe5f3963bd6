import { describe, expect, it } from "vitest";
import { s3PublicOrigin } from "@/lib/storage/s3-origin";

const s3 = { STORAGE_BACKEND: "s3", S3_BUCKET: "course-files", S3_REGION: "eu-west-1" };

describe("s3PublicOrigin", () => {
  it("is null while files stay on the local disk", () => {
    expect(s3PublicOrigin({})).toBeNull();
    expect(s3PublicOrigin({ ...s3, STORAGE_BACKEND: "local" })).toBeNull();
  });

  it("names the bucket's AWS host, virtual-hosted or path-style", () => {
    expect(s3PublicOrigin(s3)).toBe("https://course-files.s3.eu-west-1.amazonaws.com");
    expect(s3PublicOrigin({ ...s3, S3_FORCE_PATH_STYLE: "true" })).toBe("https://s3.eu-west-1.amazonaws.com");
  });

  it("names an S3-compatible server's host", () => {
    expect(s3PublicOrigin({ ...s3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "1" })).toBe("http://127.0.0.1:9000");
    expect(s3PublicOrigin({ ...s3, S3_ENDPOINT: "https://r2.example.com/" })).toBe("https://course-files.r2.example.com");
  });

  it("gives nothing for settings that could break or widen the policy", () => {
    expect(s3PublicOrigin({ ...s3, S3_BUCKET: "files; script-src *" })).toBeNull();
    expect(s3PublicOrigin({ ...s3, S3_REGION: "eu west" })).toBeNull();
    expect(s3PublicOrigin({ ...s3, S3_ENDPOINT: "ftp://files.example" })).toBeNull();
    expect(s3PublicOrigin({ ...s3, S3_ENDPOINT: "not a url" })).toBeNull();
  });
});
