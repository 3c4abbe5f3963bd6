import { z } from "zod";
import { notificationTypes, type NotificationChannel, type NotificationType } from "@/lib/notifications/types";

export const notificationChannels = ["both", "in_app", "email", "none"] as const satisfies readonly NotificationChannel[];

export const channelLabels: Record<NotificationChannel, string> = {
  both: "In-app and email",
  in_app: "In-app only",
  email: "Email only",
  none: "None",
};

const typeValues = notificationTypes.map((t) => t.type) as [NotificationType, ...NotificationType[]];

/** The notification settings form: a channel for every type, and the daily digest. Shared by the form and the action. */
export const notificationPreferencesSchema = z.object({
  preferences: z
    .array(
      z.object({
        type: z.enum(typeValues, { error: "Unknown kind of notification." }),
        channel: z.enum(notificationChannels, { error: "Choose how to receive these." }),
      }),
    )
    .refine((rows) => new Set(rows.map((row) => row.type)).size === rows.length, "Each kind of notification may be chosen once."),
  digest: z.boolean(),
});

export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;
