import type { DetectedType } from "./file-type";
import { StorageConfigError, type Environment } from "./backend";

// What each upload kind accepts, and how large it may be. A lesson's document
// and a lesson's video are uploaded as different kinds, so a video can never
// pass as a document (or the reverse) and each has its own size limit.

export const uploadKinds = ["document", "video"] as const;
export type UploadKind = (typeof uploadKinds)[number];

const rules: Record<UploadKind, { accepts: DetectedType["kind"][]; variable: string; defaultMb: number }> = {
  document: { accepts: ["document", "image", "archive", "text"], variable: "UPLOAD_MAX_DOCUMENT_MB", defaultMb: 50 },
  video: { accepts: ["video"], variable: "UPLOAD_MAX_VIDEO_MB", defaultMb: 500 },
};

const megabyte = 1024 * 1024;
// 4 GB, what a teacher's recorded lecture needs; the column is 64-bit
// (drizzle/0021), and S3 takes such a file as a multipart upload.
const largestMb = 4096;

export interface UploadLimit {
  accepts: DetectedType["kind"][];
  maxBytes: number;
}

/** The kind's accepted types and size limit, from UPLOAD_MAX_*_MB when set. */
export function uploadLimit(kind: UploadKind, env: Environment = process.env): UploadLimit {
  const { accepts, variable, defaultMb } = rules[kind];
  const raw = env[variable]?.trim();
  const mb = raw ? Number(raw) : defaultMb;
  if (!Number.isFinite(mb) || mb <= 0 || mb > largestMb) {
    throw new StorageConfigError(`${variable} must be a number of megabytes above 0 and at most ${largestMb}, not "${raw}".`);
  }
  return { accepts, maxBytes: Math.max(1, Math.floor(mb * megabyte)) };
}

/** "50 MB", or "20 KB" below a megabyte, for messages. */
export function describeSize(bytes: number): string {
  return bytes >= megabyte ? `${Math.floor(bytes / megabyte)} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}
