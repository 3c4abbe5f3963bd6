import type { ManifestFile } from "@/lib/course-transfer/manifest";
import type { PackageSink } from "@/lib/course-transfer/package-io";
import type { Identifiers } from "./identifiers";
import { filePath } from "./package-paths";
import { resourceTypes, type CartridgeResource } from "./resources";

// Each file of the course is one web content resource, whatever uses it (a
// file or video lesson, a picture in a lesson's text or a question), written
// once under web_resources/ and streamed from storage to the package, so a
// lecture video is never held whole in memory.

export interface PackageFile {
  file: ManifestFile;
  identifier: string;
  path: string;
}

export function planFiles(files: readonly ManifestFile[], ids: Identifiers): PackageFile[] {
  return files.map((file) => {
    const identifier = ids.of(`file:${file.id}`, file.id);
    return { file, identifier, path: filePath(identifier, file.name) };
  });
}

export const fileResource = ({ identifier, path }: PackageFile): CartridgeResource => ({
  identifier,
  type: resourceTypes.webContent,
  href: path,
  files: [path],
  dependencies: [],
});

// Deflating these again costs time and saves next to nothing.
const compressedTypes = /^(?:image\/(?:png|jpeg|gif|webp|avif|heic)|video\/.+|audio\/(?:mpeg|mp4|aac|ogg|webm|opus)|application\/(?:zip|gzip|x-7z-compressed|vnd\.rar|x-rar-compressed|epub\+zip|vnd\.openxmlformats-officedocument\..+|vnd\.oasis\.opendocument\..+))$/i;
const compressedExtensions = /\.(?:png|jpe?g|gif|webp|avif|heic|mp4|m4v|mov|webm|mkv|mp3|m4a|aac|ogg|oga|opus|zip|gz|tgz|7z|rar|epub|docx|xlsx|pptx|odt|ods|odp)$/i;

export const isCompressed = (file: ManifestFile) =>
  (file.mimeType !== undefined && compressedTypes.test(file.mimeType)) || compressedExtensions.test(file.name);

export async function writeFiles(sink: PackageSink, files: readonly PackageFile[], openFile: (fileId: string) => Promise<AsyncIterable<Uint8Array>>) {
  for (const { file, path } of files) await sink.add(path, await openFile(file.id), { compress: !isCompressed(file) });
}
