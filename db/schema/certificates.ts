import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { courses } from "./courses";
import { enrollments } from "./enrollments";
import { storedFiles } from "./files";
import { users } from "./users";

// How the site's certificates look: a logo, who signs, and the wording (with
// {student}, {course}, {date}, {teacher} placeholders). One is the default.
export const certificateTemplates = pgTable(
  "certificate_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: varchar({ length: 100 }).notNull(),
    title: varchar({ length: 200 }).notNull().default("Certificate of completion"),
    wording: varchar({ length: 2000 }).notNull(),
    signatureName: varchar({ length: 200 }).notNull().default(""),
    signatureTitle: varchar({ length: 200 }).notNull().default(""),
    logoFileId: uuid().references(() => storedFiles.id, { onDelete: "set null" }),
    isDefault: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("certificate_templates_name_key").on(sql`lower(${t.name})`),
    uniqueIndex("certificate_templates_one_default").on(t.isDefault).where(sql`${t.isDefault}`),
  ],
);

// A course that issues certificates on completion; no row, no certificates.
export const certificateRules = pgTable(
  "certificate_rules",
  {
    courseId: uuid()
      .primaryKey()
      .references(() => courses.id, { onDelete: "cascade" }),
    // The course grade (gradebook percent) a student must also reach; null for completion alone.
    minGradePercent: numeric({ precision: 5, scale: 2, mode: "number" }),
    templateId: uuid().references(() => certificateTemplates.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "certificate_rules_min_grade_range",
      sql`${t.minGradePercent} IS NULL OR ${t.minGradePercent} BETWEEN 0 AND 100`,
    ),
  ],
);

// An issued certificate. What it says is kept as issued (names and titles
// change later; the certificate does not), and its code is what the public
// verification page and the QR code carry.
export const certificates = pgTable(
  "certificates",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: varchar({ length: 32 }).notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    enrollmentId: uuid().references(() => enrollments.id, { onDelete: "set null" }),
    templateId: uuid().references(() => certificateTemplates.id, { onDelete: "set null" }),
    recipientName: varchar({ length: 200 }).notNull(),
    courseTitle: varchar({ length: 200 }).notNull(),
    teacherName: varchar({ length: 200 }).notNull(),
    gradePercent: numeric({ precision: 5, scale: 2, mode: "number" }),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedReason: varchar({ length: 500 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("certificates_code_key").on(t.code),
    // One valid certificate per student and course; a revoked one may be followed by a new one.
    uniqueIndex("certificates_user_course_valid_key").on(t.userId, t.courseId).where(sql`${t.revokedAt} IS NULL`),
    index("certificates_course_id_idx").on(t.courseId),
    index("certificates_user_id_idx").on(t.userId),
    check("certificates_revoked_together", sql`(${t.revokedAt} IS NULL) = (${t.revokedReason} IS NULL)`),
  ],
);

// The site's keys for signing Open Badges 3.0 credentials (Ed25519). The
// private key is sealed with AUTH_SECRET (lib/auth/mfa/secret-box.ts); a
// retired key still verifies what it signed.
export const signingKeys = pgTable(
  "signing_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    algorithm: varchar({ length: 20 }).notNull().default("Ed25519"),
    publicKeyJwk: jsonb().$type<Record<string, string>>().notNull(),
    sealedPrivateKey: text().notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("signing_keys_one_active").on(t.algorithm).where(sql`${t.retiredAt} IS NULL`)],
);

export type Certificate = typeof certificates.$inferSelect;
export type CertificateTemplate = typeof certificateTemplates.$inferSelect;
