"use server";

import { userAction } from "@/lib/actions/action";
import { deleteAnnouncement } from "../commands";
import { revalidateAnnouncements } from "./revalidate-announcements";

// Deletes an announcement (the page asks for confirmation first).
export const deleteAnnouncementAction = userAction({
  ...deleteAnnouncement,
  after: async (data) => revalidateAnnouncements(data),
});
