import { z } from "zod";
import { notificationIdSchema } from "@/lib/notifications/schemas";
import { defineContract, isoOrNull, timestampSchema } from "../contract";
import { pageQueryShape, pageSchema } from "../pagination";

// The caller's own notifications: read them, and mark them read. Everyone
// signed in has notifications of their own and nobody reads another's, so
// these endpoints have no role rule; ownership is in every query's WHERE.

export const notificationSchema = z.object({
  id: z.number().int().describe("Notification ids are whole numbers, increasing as notifications are made."),
  type: z.string().describe("What caused it, e.g. `grade.released`, `lesson.published`, `announcement.posted`."),
  title: z.string(),
  message: z.string(),
  link: z.string().describe("A path on this site to the thing it is about, e.g. /learn/…"),
  readAt: timestampSchema.nullable().describe("When it was marked read; null while unread."),
  createdAt: timestampSchema,
});

/** A notification row as the API answers with it: timestamps in ISO 8601. */
export const notificationItem = (row: {
  id: number;
  type: string;
  title: string;
  message: string;
  link: string;
  readAt: Date | null;
  createdAt: Date;
}): z.input<typeof notificationSchema> => ({
  id: row.id,
  type: row.type,
  title: row.title,
  message: row.message,
  link: row.link,
  readAt: isoOrNull(row.readAt),
  createdAt: row.createdAt.toISOString(),
});

const notificationIdParams = z.object({
  notificationId: notificationIdSchema.shape.id.describe("The notification's id."),
});

export const listNotificationsContract = defineContract({
  method: "GET",
  path: "/api/v1/notifications",
  operationId: "listNotifications",
  tag: "Notifications",
  summary: "My notifications, newest first",
  description:
    "The caller's own notifications, newest first, as the notifications page lists them. " +
    "`unread=true` lists only unread ones, `unread=false` only read ones. Notifications arriving while a client pages through " +
    "appear at the top, so they never shift a later page.",
  access: "user",
  query: z.object({
    unread: z
      .enum(["true", "false"], { error: "Use unread=true or unread=false." })
      .optional()
      .describe("true: only unread; false: only read; left out: all."),
    ...pageQueryShape,
  }),
  response: pageSchema(notificationSchema),
  errors: [422],
});

export const notificationUnreadCountContract = defineContract({
  method: "GET",
  path: "/api/v1/notifications/unread-count",
  operationId: "getNotificationUnreadCount",
  tag: "Notifications",
  summary: "How many of my notifications are unread",
  description: "The number on the bell in the site's header: the caller's unread notifications.",
  access: "user",
  response: z.object({ unread: z.number().int().min(0) }),
  errors: [],
});

export const markNotificationReadContract = defineContract({
  method: "POST",
  path: "/api/v1/notifications/{notificationId}/read",
  operationId: "markNotificationRead",
  tag: "Notifications",
  summary: "Mark one notification read",
  description:
    "Marks one of the caller's notifications read and answers with it. Marking a read notification again changes nothing " +
    "(it keeps its first `readAt`). Another user's notification is not found.",
  access: "user",
  params: notificationIdParams,
  response: notificationSchema,
  errors: [404],
});

export const markAllNotificationsReadContract = defineContract({
  method: "POST",
  path: "/api/v1/notifications/read-all",
  operationId: "markAllNotificationsRead",
  tag: "Notifications",
  summary: "Mark all my notifications read",
  description: "Marks every unread notification of the caller read, and says how many that was (0 when none were unread).",
  access: "user",
  response: z.object({ marked: z.number().int().min(0).describe("How many notifications were unread and are now read.") }),
  errors: [],
});

export const notificationContracts = [
  listNotificationsContract,
  notificationUnreadCountContract,
  markNotificationReadContract,
  markAllNotificationsReadContract,
] as const;
