"use server";

import { userAction } from "@/lib/actions/action";
import { editAnnouncement } from "../commands";
import { revalidateAnnouncements } from "./revalidate-announcements";

// Changes an announcement's title or text without notifying anyone again.
export const editAnnouncementAction = userAction({
  ...editAnnouncement,
  after: async (data) => revalidateAnnouncements(data),
});
