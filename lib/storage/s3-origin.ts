import type { Environment } from "./backend";

const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const regionName = /^[a-z0-9-]{1,40}$/;

/**
 * The origin a browser would reach the configured S3 bucket at, as the SDK
 * addresses it (virtual-hosted unless S3_FORCE_PATH_STYLE), or null when files
 * stay on the local disk or the settings are unusable. Pure and SDK-free so the
 * security headers can name the host without loading the client; the storage
 * module itself reports a misconfiguration.
 */
export function s3PublicOrigin(env: Environment = process.env): string | null {
  if (env.STORAGE_BACKEND?.trim().toLowerCase() !== "s3") return null;
  const bucket = env.S3_BUCKET?.trim() ?? "";
  const region = env.S3_REGION?.trim() ?? "";
  if (!bucketName.test(bucket) || !regionName.test(region)) return null;
  const pathStyle = ["1", "true", "yes"].includes(env.S3_FORCE_PATH_STYLE?.trim().toLowerCase() ?? "");
  const endpoint = env.S3_ENDPOINT?.trim();
  let base: URL;
  try {
    base = new URL(endpoint || `https://s3.${region}.amazonaws.com`);
  } catch {
    return null;
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") return null;
  return pathStyle ? base.origin : `${base.protocol}//${bucket}.${base.host}`;
}
