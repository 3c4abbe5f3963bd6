"use server";

import { userAction } from "@/lib/actions/action";
import { postAnnouncement } from "../commands";
import { revalidateAnnouncements } from "./revalidate-announcements";

// Posts an announcement to a course; its students are notified by the worker.
export const postAnnouncementAction = userAction({
  ...postAnnouncement,
  after: async (data) => revalidateAnnouncements(data),
});
