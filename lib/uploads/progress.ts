import { formatBytes } from "@/lib/format";

// What an upload's progress line says: how much has gone, of how much, and
// about how long is left at the rate so far. Plain functions, so the wording and
// the estimate are tested without a browser.

export interface UploadProgress {
  /** 0 to 100, whole numbers; 100 only once every byte is sent. */
  percent: number;
  /** "12.3 MB of 80.0 MB" */
  sent: string;
  /** "about 2 min left", "less than a minute left", or null while there is no rate to go by yet. */
  timeLeft: string | null;
}

/** The rate is only trusted after a second and a few kilobytes: the first moments of an upload say little. */
const minimumElapsedMs = 1000;
const minimumBytes = 16 * 1024;

export function uploadProgress(loaded: number, total: number, elapsedMs: number): UploadProgress {
  const size = Math.max(0, total);
  const done = Math.max(0, Math.min(loaded, size));
  const percent = size === 0 ? 0 : done === size ? 100 : Math.min(99, Math.floor((done / size) * 100));
  const sent = `${formatBytes(done)} of ${formatBytes(size)}`;
  if (done >= size || elapsedMs < minimumElapsedMs || done < minimumBytes) return { percent, sent, timeLeft: null };
  const bytesPerMs = done / elapsedMs;
  return { percent, sent, timeLeft: describeTimeLeft((size - done) / bytesPerMs / 1000) };
}

/** Rounded the way people say it: seconds under a minute are "less than a minute", then minutes, then hours and minutes. */
export function describeTimeLeft(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "time left unknown";
  if (seconds < 60) return "less than a minute left";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}
