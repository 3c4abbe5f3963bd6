// npm run restore <archive>: brings a site back from a backup into the
// configured database and storage, which must both be empty.
import path from "node:path";
import { restoreConfiguredSite } from "@/lib/backup/configured-site";
import { runScript } from "./run-script";

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith("-")) {
  console.error("Usage: npm run restore <archive.tar.gz>");
  process.exit(2);
}
const archive = path.resolve(args[0]!);

await runScript(async () => {
  const { manifest, upgraded, sameAuthSecret } = await restoreConfiguredSite(archive);
  console.log(
    `Restored the backup of ${manifest.createdAt} (app ${manifest.app.version}):\n` +
      `  database: ${manifest.database.kind}, schema ${manifest.schema.migration}${upgraded ? ", then migrated to this build's schema" : ""}\n` +
      `  files: ${manifest.fileCount}`,
  );
  if (manifest.missingFiles.length > 0) {
    console.warn(`  warning: the backup lacked ${manifest.missingFiles.length} file(s) its database lists: ${manifest.missingFiles.join(", ")}`);
  }
  if (sameAuthSecret === false || (sameAuthSecret === null && manifest.authSecretFingerprint !== null)) {
    console.warn(
      "  warning: this site's AUTH_SECRET is not the one the backup was made with (or none is set yet).\n" +
        "  Set the old AUTH_SECRET (or copy the old .data/auth-secret) before starting: under another secret\n" +
        "  everyone signs in again and two-step verification must be reset for each user who had it.",
    );
  }
});
