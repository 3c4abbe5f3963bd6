import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
} from "@aws-sdk/client-s3";
import { assertStorageKey, chunksOf, StorageConfigError, type ByteRange, type Environment, type StorageBackend } from "./backend";

export interface S3Settings {
  bucket: string;
  region: string;
  /** For S3-compatible servers (MinIO, Ceph, R2…); unset for AWS itself. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's own chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

function parseFlag(name: string, raw: string | undefined): boolean {
  const value = raw?.trim().toLowerCase() ?? "";
  if (["", "0", "false", "no"].includes(value)) return false;
  if (["1", "true", "yes"].includes(value)) return true;
  throw new StorageConfigError(`${name} must be true or false, not "${raw}".`);
}

/** Reads the S3_* variables, naming every one that is missing or wrong. */
export function s3SettingsFromEnv(env: Environment = process.env): S3Settings {
  const value = (name: string) => env[name]?.trim() || undefined;
  const missing = ["S3_BUCKET", "S3_REGION"].filter((name) => !value(name));
  const accessKeyId = value("S3_ACCESS_KEY_ID");
  const secretAccessKey = value("S3_SECRET_ACCESS_KEY");
  // Half a key pair would silently fall back to other credentials.
  if (accessKeyId && !secretAccessKey) missing.push("S3_SECRET_ACCESS_KEY");
  if (secretAccessKey && !accessKeyId) missing.push("S3_ACCESS_KEY_ID");
  if (missing.length > 0) {
    throw new StorageConfigError(`STORAGE_BACKEND=s3 needs ${missing.join(", ")} to be set.`);
  }
  const endpoint = value("S3_ENDPOINT");
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new StorageConfigError(`S3_ENDPOINT must be an http(s) address such as http://127.0.0.1:9000, not "${endpoint}".`);
  }
  return {
    bucket: value("S3_BUCKET")!,
    region: value("S3_REGION")!,
    endpoint,
    forcePathStyle: parseFlag("S3_FORCE_PATH_STYLE", env.S3_FORCE_PATH_STYLE),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

/** Collects streamed chunks into parts of a fixed size. */
class PartBuffer {
  private chunks: Uint8Array[] = [];
  length = 0;

  push(chunk: Uint8Array) {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  take(size: number): Uint8Array {
    const part = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const chunk = this.chunks[0]!;
      const used = Math.min(chunk.length, size - filled);
      part.set(chunk.subarray(0, used), filled);
      filled += used;
      if (used === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(used);
    }
    this.length -= size;
    return part;
  }
}

const isMissing = (error: unknown) => {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "NoSuchKey" || name === "NotFound" || $metadata?.httpStatusCode === 404;
};

// S3 takes parts of at least 5 MiB (but the last); 8 MiB parts keep a 500 MB
// video to about 60 requests while holding one part in memory at a time.
export const defaultPartSize = 8 * 1024 * 1024;

export class S3Backend implements StorageBackend {
  private readonly client: S3Client;

  constructor(
    private readonly settings: S3Settings,
    private readonly partSize = defaultPartSize,
  ) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // Several S3-compatible servers reject the newer default checksum
      // headers; AWS itself needs them only where an operation requires one.
      ...(settings.endpoint ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
    });
  }

  /**
   * Streams the source: a file smaller than one part is sent with one
   * PutObject, a larger one as a multipart upload, aborted if the source fails
   * so no object and no stray parts remain.
   */
  async put(key: string, source: AsyncIterable<Uint8Array> | Uint8Array, contentType: string): Promise<void> {
    assertStorageKey(key);
    const target = { Bucket: this.settings.bucket, Key: key };
    const pending = new PartBuffer();
    const parts: CompletedPart[] = [];
    let uploadId: string | undefined;
    const sendPart = async (body: Uint8Array) => {
      if (uploadId === undefined) {
        const created = await this.client.send(new CreateMultipartUploadCommand({ ...target, ContentType: contentType }));
        if (!created.UploadId) throw new Error("S3 started a multipart upload without an upload id");
        uploadId = created.UploadId;
      }
      const PartNumber = parts.length + 1;
      const { ETag } = await this.client.send(
        new UploadPartCommand({ ...target, UploadId: uploadId, PartNumber, Body: body, ContentLength: body.length }),
      );
      parts.push({ ETag, PartNumber });
    };
    try {
      for await (const chunk of chunksOf(source)) {
        pending.push(chunk);
        while (pending.length >= this.partSize) await sendPart(pending.take(this.partSize));
      }
      if (uploadId === undefined) {
        const body = pending.take(pending.length);
        await this.client.send(new PutObjectCommand({ ...target, Body: body, ContentType: contentType, ContentLength: body.length }));
        return;
      }
      if (pending.length > 0) await sendPart(pending.take(pending.length));
      await this.client.send(new CompleteMultipartUploadCommand({ ...target, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    } catch (error) {
      if (uploadId !== undefined) {
        // The source's error is the one worth reporting; a failed abort leaves
        // parts that the bucket's lifecycle rule for incomplete uploads removes.
        await this.client.send(new AbortMultipartUploadCommand({ ...target, UploadId: uploadId })).catch(() => {});
      }
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.settings.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      return object.Body ? (object.Body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    // S3 answers a delete of a missing key with success too.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}
