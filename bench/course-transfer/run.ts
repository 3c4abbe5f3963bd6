// npm run bench:course-transfer [-- --mb=1024]: how long a course backup with a
// large video takes to export and to restore, and how much memory the process
// holds meanwhile. The point is the second number: files stream through
// (storage → zip → disk → storage), so the peak must stay far below the
// video's size. Runs against PostgreSQL (BENCH_SERVER_URL, a fresh database
// dropped afterwards) with local storage in a temporary folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";

const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const megabytes = Number(/--mb=(\d+)/.exec(process.argv.join(" "))?.[1] ?? 1024);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-bench-transfer-"));
process.env.JEEVI_DATA_DIR = work;

/** Samples this process's resident memory every 20 ms; the largest value seen. */
function peakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;

async function measure<T>(label: string, run: () => Promise<T>, rows: string[][]): Promise<T> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const sampler = peakRss();
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  rows.push([label, `${seconds.toFixed(1)} s`, `${(megabytes / seconds).toFixed(0)} MB/s`, mb(before), mb(peak), mb(peak - before)]);
  return result;
}

/** Incompressible bytes, made a slice at a time (a 1 MB random block repeated defeats deflate's 32 KB window). */
async function* videoBytes(total: number): AsyncIterable<Uint8Array> {
  const block = randomBytes(1024 * 1024);
  block.set(Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]), 0); // an MP4 "ftyp" box: sniffed as video
  for (let sent = 0; sent < total; sent += block.byteLength) yield block.subarray(0, Math.min(block.byteLength, total - sent));
}

async function main() {
  const { connectPostgres, setDatabaseHandle } = await import("@/db");
  const { runMigrations } = await import("@/db/migrate");
  const schema = await import("@/db/schema");
  const { getStorage } = await import("@/lib/storage");
  const { exportCourse } = await import("@/lib/course-transfer/export-course");
  const { uploadCoursePackage } = await import("@/lib/course-transfer/transfers/upload-package");
  const { confirmImport } = await import("@/lib/course-transfer/transfers/transfer-commands");
  const { loadTransfer } = await import("@/lib/course-transfer/transfers/transfer-queries");
  const { courseTransferJob } = await import("@/lib/worker/course-transfer-job");
  const { fromWebStream } = await import("@/lib/course-transfer/web-stream");

  const name = `jeevi_bt_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString(), 5);
  setDatabaseHandle(handle);
  const db = handle.db;
  const rows: string[][] = [];
  process.env.UPLOAD_MAX_VIDEO_MB = "4096";
  try {
    await runMigrations(handle);
    const [teacher] = await db.insert(schema.users).values({ email: "bench@bench.example", username: "bench_teacher", role: "teacher", passwordHash: "x" }).returning();
    const actor = { id: teacher!.id, email: teacher!.email, username: teacher!.username, displayName: null, role: teacher!.role, gradeLevel: null };
    const [course] = await db.insert(schema.courses).values({ slug: "bench-course", title: "Recorded lectures", subject: "physics", teacherId: teacher!.id }).returning();
    const [module] = await db.insert(schema.modules).values({ courseId: course!.id, title: "Week 1", position: 0 }).returning();
    const storageKey = `${randomUUID()}.mp4`;
    const hash = createHash("sha256");
    await getStorage().put(storageKey, (async function* () {
      for await (const chunk of videoBytes(megabytes * 1024 * 1024)) {
        hash.update(chunk);
        yield chunk;
      }
    })(), "video/mp4");
    const [file] = await db
      .insert(schema.storedFiles)
      .values({ storageKey, originalName: "lecture.mp4", mimeType: "video/mp4", sizeBytes: megabytes * 1024 * 1024, sha256: hash.digest("hex"), uploadedBy: teacher!.id, courseId: course!.id })
      .returning();
    await db.insert(schema.lessons).values({ moduleId: module!.id, title: "Lecture 1", contentType: "video", fileId: file!.id, position: 0 });

    const archive = path.join(work, "backup.zip");
    await measure(`export a backup (${megabytes} MB video)`, async () => {
      const exported = await exportCourse(db, actor, course!.id, "backup");
      const out = fs.createWriteStream(archive);
      for await (const chunk of fromWebStream(exported!.stream)) if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      await new Promise<void>((resolve) => out.end(() => resolve()));
    }, rows);
    const transferId = await measure("upload and preview the backup", async () => {
      const body = Readable.toWeb(fs.createReadStream(archive)) as ReadableStream<Uint8Array>;
      const uploaded = await uploadCoursePackage(db, actor, { name: "backup.zip" }, { body, declaredLength: fs.statSync(archive).size, ip: null });
      if (!uploaded.ok) throw new Error(uploaded.error);
      return uploaded.file.id;
    }, rows);
    await db.transaction((tx) => confirmImport(tx, actor, { transferId, title: null, dateOffsetDays: 0, withWork: false, subject: null }));
    await measure("restore it (the background job)", () => courseTransferJob.run(db, new Date()), rows);
    const done = await loadTransfer(db, actor, transferId);
    if (done?.status !== "done") throw new Error(`the restore ended ${done?.status}: ${done?.error}`);

    const header = ["step", "time", "rate", "RSS before", "RSS peak", "peak − before"];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
    console.log(`\n${line(header)}\n${rows.map(line).join("\n")}`);
  } finally {
    await handle.close();
    setDatabaseHandle(undefined);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
