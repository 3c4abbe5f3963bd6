// npm run backup [-- --out file]: one archive of the database and the uploaded
// files. With the embedded database, stop the server first (it refuses while
// the database is open); on PostgreSQL it runs while the site serves.
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/config";
import { backupConfiguredSite } from "@/lib/backup/configured-site";
import { runScript } from "./run-script";

function outFileFromArgs(args: string[]): string | null {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  let out = path.join(dataDir(), "backups", `jeevi-backup-${stamp}.tar.gz`);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--out" && args[index + 1]) out = args[++index]!;
    else if (arg.startsWith("--out=") && arg.length > 6) out = arg.slice(6);
    else return null;
  }
  return path.resolve(out);
}

const outFile = outFileFromArgs(process.argv.slice(2));
if (!outFile) {
  console.error("Usage: npm run backup [-- --out <file.tar.gz>]");
  process.exit(2);
}

await runScript(async () => {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const manifest = await backupConfiguredSite(outFile);
  console.log(
    `Backup written to ${outFile}\n` +
      `  database: ${manifest.database.kind} (${manifest.database.serverVersion}), schema ${manifest.schema.migration}\n` +
      `  files: ${manifest.fileCount} from ${manifest.storage.backend} storage`,
  );
  if (manifest.missingFiles.length > 0) {
    console.warn(`  warning: ${manifest.missingFiles.length} file(s) listed in the database were not in storage: ${manifest.missingFiles.join(", ")}`);
  }
});
