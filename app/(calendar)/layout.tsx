import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";

// Every signed-in user, whatever the role, has a calendar. Each page checks
// again: a layout is not re-rendered on every navigation.
export default async function CalendarLayout({ children }: { children: ReactNode }) {
  await requireUser("/calendar");
  return children;
}
