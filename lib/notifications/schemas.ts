import { z } from "zod";

/** One notification, by id, from a button's hidden value or a URL segment. */
export const notificationIdSchema = z.object({
  id: z.coerce.number({ error: "Choose a notification." }).int({ error: "Choose a notification." }).positive({ error: "Choose a notification." }),
});

export const markAllReadSchema = z.object({});

/**
 * Where opening a notification may lead: a path inside this site only, so a
 * stored link can never send anyone to another site.
 */
export function safeNotificationLink(link: string | null | undefined): string {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) return "/notifications";
  return link;
}
