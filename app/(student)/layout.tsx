import type { ReactNode } from "react";
import { requireArea } from "@/lib/auth/current-user";

// Students only. Each page checks again: a layout is not re-rendered on every
// navigation, so it can never be the only guard.
export default async function StudentLayout({ children }: { children: ReactNode }) {
  await requireArea("area.student", "/dashboard");
  return children;
}
