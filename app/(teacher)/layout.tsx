import type { ReactNode } from "react";
import { requireArea } from "@/lib/auth/current-user";

// Teachers and admins. Each page checks again (see the student layout).
export default async function TeacherLayout({ children }: { children: ReactNode }) {
  await requireArea("area.teacher", "/teacher");
  return children;
}
