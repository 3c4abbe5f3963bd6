// The account setting of the zone a user reads dates in. Only zod here: the
// settings form validates with the same schema in the browser.
import { z } from "zod";
import { isTimeZone, maxTimeZoneLength, normalizeTimeZone } from "./time-zone";

/** "" follows the browser's zone; anything else must be a zone Intl knows. */
export const timeZoneSettingSchema = z.object({
  timeZone: z
    .string({ error: "Choose a time zone." })
    .max(maxTimeZoneLength, { error: "Choose a time zone from the list." })
    .refine((zone) => zone === "" || isTimeZone(zone), { error: "Choose a time zone from the list." })
    .overwrite((zone) => (zone === "" ? "" : (normalizeTimeZone(zone) ?? zone))),
});
export type TimeZoneSettingInput = z.input<typeof timeZoneSettingSchema>;
