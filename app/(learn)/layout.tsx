import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";

// The player is for signed-in readers; each page decides, through the policy,
// whether this reader may see the course's content.
export default async function LearnLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return children;
}
