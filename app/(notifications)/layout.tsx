import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";

// Every signed-in user, whatever the role, has notifications. Each page checks
// again: a layout is not re-rendered on every navigation.
export default async function NotificationsLayout({ children }: { children: ReactNode }) {
  await requireUser("/notifications");
  return children;
}
