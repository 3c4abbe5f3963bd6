import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StorageConfigError } from "@/lib/storage/backend";
import { createStorage } from "@/lib/storage/index";
import { LocalBackend } from "@/lib/storage/local-backend";
import { S3Backend, s3SettingsFromEnv, type S3Settings } from "@/lib/storage/s3-backend";

const s3 = mockClient(S3Client);
const key = "0f8fad5b-d9cb-469f-a165-70867728950e.mp4";
const settings: S3Settings = { bucket: "jeevi-files", region: "eu-west-1", forcePathStyle: false };
const bytes = (...values: number[]) => new Uint8Array(values);

async function* pieces(...chunks: Uint8Array[]) {
  yield* chunks;
}

async function* failingAfter(chunks: Uint8Array[], error: Error) {
  yield* chunks;
  throw error;
}

beforeEach(() => s3.reset());
afterEach(() => s3.reset());

describe("S3 settings from the environment", () => {
  it("reads every variable", () => {
    expect(
      s3SettingsFromEnv({
        S3_BUCKET: "lms",
        S3_REGION: "us-east-1",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_ACCESS_KEY_ID: "minio",
        S3_SECRET_ACCESS_KEY: "minio-secret",
        S3_FORCE_PATH_STYLE: "true",
      }),
    ).toEqual({
      bucket: "lms",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "minio", secretAccessKey: "minio-secret" },
    });
  });

  it("leaves credentials to the SDK's own chain when neither key is set", () => {
    expect(s3SettingsFromEnv({ S3_BUCKET: "lms", S3_REGION: "us-east-1" })).toEqual({
      bucket: "lms",
      region: "us-east-1",
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it.each([
    [{}, "STORAGE_BACKEND=s3 needs S3_BUCKET, S3_REGION to be set."],
    [{ S3_BUCKET: "lms", S3_REGION: "  " }, "STORAGE_BACKEND=s3 needs S3_REGION to be set."],
    [{ S3_BUCKET: "lms", S3_REGION: "x", S3_ACCESS_KEY_ID: "id" }, "STORAGE_BACKEND=s3 needs S3_SECRET_ACCESS_KEY to be set."],
    [{ S3_BUCKET: "lms", S3_REGION: "x", S3_SECRET_ACCESS_KEY: "s" }, "STORAGE_BACKEND=s3 needs S3_ACCESS_KEY_ID to be set."],
    [{ S3_BUCKET: "lms", S3_REGION: "x", S3_ENDPOINT: "127.0.0.1:9000" }, /S3_ENDPOINT must be an http\(s\) address/],
    [{ S3_BUCKET: "lms", S3_REGION: "x", S3_FORCE_PATH_STYLE: "maybe" }, 'S3_FORCE_PATH_STYLE must be true or false, not "maybe".'],
  ])("names what is wrong %#", (env, message) => {
    expect(() => s3SettingsFromEnv(env)).toThrow(StorageConfigError);
    expect(() => s3SettingsFromEnv(env)).toThrow(message);
  });
});

describe("choosing the backend", () => {
  it("uses the local disk unless told otherwise", () => {
    expect(createStorage({})).toBeInstanceOf(LocalBackend);
    expect(createStorage({ STORAGE_BACKEND: "local" })).toBeInstanceOf(LocalBackend);
  });

  it("uses S3 when configured, and refuses an incomplete configuration or an unknown backend", () => {
    expect(createStorage({ STORAGE_BACKEND: "s3", S3_BUCKET: "lms", S3_REGION: "us-east-1" })).toBeInstanceOf(S3Backend);
    expect(() => createStorage({ STORAGE_BACKEND: "s3", S3_BUCKET: "lms" })).toThrow("STORAGE_BACKEND=s3 needs S3_REGION to be set.");
    expect(() => createStorage({ STORAGE_BACKEND: "ftp" })).toThrow('STORAGE_BACKEND must be "local" or "s3", not "ftp".');
  });
});

describe("S3Backend.put", () => {
  it("sends a file smaller than a part as one PutObject", async () => {
    s3.on(PutObjectCommand).resolves({});
    await new S3Backend(settings, 8).put(key, pieces(bytes(1, 2, 3), bytes(4, 5)), "video/mp4");
    const [call] = s3.commandCalls(PutObjectCommand);
    expect(call!.args[0].input).toEqual({
      Bucket: "jeevi-files",
      Key: key,
      Body: bytes(1, 2, 3, 4, 5),
      ContentType: "video/mp4",
      ContentLength: 5,
    });
    expect(s3.commandCalls(CreateMultipartUploadCommand)).toHaveLength(0);
  });

  it("streams a larger file as a multipart upload, one part at a time", async () => {
    s3.on(CreateMultipartUploadCommand).resolves({ UploadId: "upload-1" });
    s3.on(UploadPartCommand).callsFake((input: { PartNumber: number }) => ({ ETag: `"etag-${input.PartNumber}"` }));
    s3.on(CompleteMultipartUploadCommand).resolves({});
    await new S3Backend(settings, 4).put(key, pieces(bytes(1, 2, 3), bytes(4, 5, 6, 7, 8, 9), bytes(10)), "video/mp4");

    expect(s3.commandCalls(CreateMultipartUploadCommand)[0]!.args[0].input).toEqual({ Bucket: "jeevi-files", Key: key, ContentType: "video/mp4" });
    expect(s3.commandCalls(UploadPartCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: "jeevi-files", Key: key, UploadId: "upload-1", PartNumber: 1, Body: bytes(1, 2, 3, 4), ContentLength: 4 },
      { Bucket: "jeevi-files", Key: key, UploadId: "upload-1", PartNumber: 2, Body: bytes(5, 6, 7, 8), ContentLength: 4 },
      { Bucket: "jeevi-files", Key: key, UploadId: "upload-1", PartNumber: 3, Body: bytes(9, 10), ContentLength: 2 },
    ]);
    expect(s3.commandCalls(CompleteMultipartUploadCommand)[0]!.args[0].input).toEqual({
      Bucket: "jeevi-files",
      Key: key,
      UploadId: "upload-1",
      MultipartUpload: {
        Parts: [
          { ETag: '"etag-1"', PartNumber: 1 },
          { ETag: '"etag-2"', PartNumber: 2 },
          { ETag: '"etag-3"', PartNumber: 3 },
        ],
      },
    });
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it("aborts the multipart upload when the source fails, and passes the source's error on", async () => {
    s3.on(CreateMultipartUploadCommand).resolves({ UploadId: "upload-2" });
    s3.on(UploadPartCommand).resolves({ ETag: '"e"' });
    s3.on(AbortMultipartUploadCommand).rejects(new Error("abort failed too"));
    const tooLarge = new Error("The file is larger than 1 KB.");
    await expect(new S3Backend(settings, 4).put(key, failingAfter([bytes(1, 2, 3, 4, 5)], tooLarge), "video/mp4")).rejects.toBe(tooLarge);
    expect(s3.commandCalls(AbortMultipartUploadCommand)[0]!.args[0].input).toEqual({ Bucket: "jeevi-files", Key: key, UploadId: "upload-2" });
    expect(s3.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
  });

  it("sends nothing when the source fails before a part is full", async () => {
    const refused = new Error("not accepted");
    await expect(new S3Backend(settings, 4).put(key, failingAfter([bytes(1)], refused), "video/mp4")).rejects.toBe(refused);
    expect(s3.calls()).toHaveLength(0);
  });

  it("refuses a key it did not generate, before any request", async () => {
    await expect(new S3Backend(settings).put("../../etc/passwd", bytes(1), "text/plain")).rejects.toThrow("Invalid storage key");
    await expect(new S3Backend(settings).get("notes.pdf")).rejects.toThrow("Invalid storage key");
    expect(s3.calls()).toHaveLength(0);
  });
});

describe("S3Backend reads, deletes and checks", () => {
  it("asks for exactly the range and streams the body", async () => {
    const body = { transformToWebStream: () => new Response(bytes(9, 8, 7)).body! };
    s3.on(GetObjectCommand).resolves({ Body: body as never });
    const stream = await new S3Backend(settings).get(key, { start: 4, end: 6 });
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({ Bucket: "jeevi-files", Key: key, Range: "bytes=4-6" });
    expect(new Uint8Array(await new Response(stream).arrayBuffer())).toEqual(bytes(9, 8, 7));
  });

  it("asks for the whole object without a range, and answers null for a missing one", async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: "The specified key does not exist.", $metadata: {} }));
    expect(await new S3Backend(settings).get(key)).toBeNull();
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({ Bucket: "jeevi-files", Key: key, Range: undefined });
  });

  it("passes other errors on", async () => {
    s3.on(GetObjectCommand).rejects(new Error("AccessDenied"));
    await expect(new S3Backend(settings).get(key)).rejects.toThrow("AccessDenied");
  });

  it("deletes by bucket and key", async () => {
    s3.on(DeleteObjectCommand).resolves({});
    await new S3Backend(settings).delete(key);
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({ Bucket: "jeevi-files", Key: key });
  });

  it("tells whether an object exists", async () => {
    s3.on(HeadObjectCommand).resolvesOnce({}).rejectsOnce(new NotFound({ message: "Not Found", $metadata: { httpStatusCode: 404 } }));
    const backend = new S3Backend(settings);
    expect(await backend.exists(key)).toBe(true);
    expect(await backend.exists(key)).toBe(false);
    expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({ Bucket: "jeevi-files", Key: key });
  });
});
