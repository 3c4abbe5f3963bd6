import { z } from "zod";
import type { SessionView } from "@/lib/sessions/queries";
import { defineContract, idParam, timestampSchema } from "../contract";

export const sessionItemSchema = z.object({
  id: z.uuid(),
  device: z.string().describe('The browser and system, as read from its user agent ("Firefox on Windows").'),
  userAgent: z.string().nullable(),
  ip: z.string().nullable().describe("The address it signed in from."),
  createdAt: timestampSchema.describe("When it signed in."),
  lastSeenAt: timestampSchema.describe("Its last request, to the minute."),
  expiresAt: timestampSchema.describe("When it ends at the latest (SESSION_MAX_AGE after sign-in); it may end earlier when idle."),
  current: z.boolean().describe("The session of the sign-in cookie this request carries; always false with a token."),
});

export const sessionItemOf = (session: SessionView): z.input<typeof sessionItemSchema> => ({
  id: session.id,
  device: session.device,
  userAgent: session.userAgent,
  ip: session.ip,
  createdAt: session.createdAt.toISOString(),
  lastSeenAt: session.lastSeenAt.toISOString(),
  expiresAt: session.expiresAt.toISOString(),
  current: session.current,
});

export const listMySessionsContract = defineContract({
  method: "GET",
  path: "/api/v1/me/sessions",
  operationId: "listMySessions",
  tag: "Account",
  summary: "My sign-in sessions",
  description:
    "Every browser signed in as the caller that still counts (not ended, expired or idle), most recently used first: " +
    "what Settings → Sessions shows. Personal access tokens are not sessions; they are listed under Settings → API tokens.",
  access: "user",
  response: z.object({ data: z.array(sessionItemSchema) }),
  errors: [],
});

export const endMySessionContract = defineContract({
  method: "DELETE",
  path: "/api/v1/me/sessions/{sessionId}",
  operationId: "endMySession",
  tag: "Account",
  summary: "End one of my sessions",
  description:
    "Signs that browser out at its next request: its cookie, even a copy, is refused from now on. " +
    "Someone else's session, or one already ended, is 404. Answers with the id and when it ended.",
  access: "user",
  params: z.object({ sessionId: idParam("The session's id (from `GET /api/v1/me/sessions`).") }),
  response: z.object({ id: z.uuid(), endedAt: timestampSchema }),
  errors: [404],
});

export const sessionContracts = [listMySessionsContract, endMySessionContract] as const;
