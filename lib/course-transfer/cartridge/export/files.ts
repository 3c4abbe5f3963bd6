import type { ManifestFile } from "@/lib/course-transfer/manifest";
import type { PackageSink } from "@/lib/course-transfer/package-io";
import type { Identifiers } from "./identifiers";
import { filePath } from "./package-paths";
import { resourceTypes, type CartridgeResource } from "./resources";
import { isCompressed } from "../../compressed-file";

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

export async function writeFiles(sink: PackageSink, files: readonly PackageFile[], openFile: (fileId: string) => Promise<AsyncIterable<Uint8Array>>) {
  for (const { file, path } of files) await sink.add(path, await openFile(file.id), { compress: !isCompressed(file) });
}
