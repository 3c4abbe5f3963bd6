import fs from "node:fs";
import path from "node:path";
import * as tar from "tar";
import { databaseEntry, filesFolder, manifestName } from "./manifest";

// One gzipped tar file. The manifest is written first, so `tar tzf` and a
// reader that stops early both meet it before anything else.

/** Packs the staged backup folder into `outFile`, which must not exist yet. */
export async function packArchive(stagingDir: string, outFile: string): Promise<void> {
  const entries = [manifestName, "database"];
  if (fs.existsSync(path.join(stagingDir, filesFolder))) entries.push(filesFolder);
  // Written beside the target and renamed into place: a failed or interrupted
  // backup never leaves a file that looks like a finished archive.
  const partial = `${outFile}.partial`;
  try {
    await tar.create({ gzip: true, file: partial, cwd: stagingDir, portable: true }, entries);
    fs.linkSync(partial, outFile);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

const allowedEntry = new RegExp(
  `^(${manifestName.replace(".", "\\.")}|database/?|${Object.values(databaseEntry).map((entry) => entry.replace(".", "\\.")).join("|")}|${filesFolder}/?|${filesFolder}/[0-9a-f-]+\\.[a-z0-9]{1,5})$`,
);

/**
 * Unpacks an archive into `dir`, refusing anything but the entries a backup
 * writes (no links, devices, other names or paths that climb out).
 */
export async function unpackArchive(archive: string, dir: string): Promise<string[]> {
  const refused: string[] = [];
  await tar.extract({
    file: archive,
    cwd: dir,
    strict: true,
    noChmod: true,
    filter: (entryPath, entry) => {
      const type = "type" in entry ? entry.type : entry.isDirectory() ? "Directory" : "File";
      const ok = allowedEntry.test(entryPath) && (type === "File" || type === "OldFile" || type === "Directory");
      if (!ok) refused.push(entryPath);
      return ok;
    },
  });
  return refused;
}
