/**
 * A display name safe for headers and pages: no directories (so "../../etc/passwd"
 * is only "passwd"), no control characters or quotes, the detected extension.
 */
export function sanitizeFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  const stem = cleaned.replace(/\.[^.]*$/, "") || "file";
  return `${stem}.${extension}`;
}
