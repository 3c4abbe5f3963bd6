import { formatBytes } from "@/lib/format";
import type { VersionFile } from "@/lib/assignments/submission-versions";

const previewable = /^(image\/|application\/pdf$)/;

/** A hand-in's files, each opening (PDFs and images) or downloading through the checked file route. */
export function VersionFiles({ files }: { files: VersionFile[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-center gap-2 text-sm">
          <a href={`/api/files/submissions/${file.id}`} className="font-medium text-brand-700 underline" {...(previewable.test(file.mimeType) ? { target: "_blank", rel: "noopener" } : { download: file.name })}>
            {file.name}
          </a>
          <span className="text-ink-muted">
            {formatBytes(file.sizeBytes)} · {previewable.test(file.mimeType) ? "opens in a new tab" : "download"}
          </span>
        </li>
      ))}
    </ul>
  );
}
