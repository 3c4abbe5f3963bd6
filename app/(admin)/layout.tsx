import type { ReactNode } from "react";
import { requireArea } from "@/lib/auth/current-user";

// Admins only. Each page checks again (see the student layout).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireArea("area.admin", "/admin");
  return children;
}
