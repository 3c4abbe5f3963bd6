import type { UserRole } from "@/db/schema/enums";

export const roles = ["student", "teacher", "admin"] as const satisfies readonly UserRole[];

export const roleLabels: Record<UserRole, string> = {
  student: "Student",
  teacher: "Teacher",
  admin: "Administrator",
};

/** Where each role lands after signing in. */
export function dashboardPathFor(role: UserRole): string {
  switch (role) {
    case "student":
      return "/dashboard";
    case "teacher":
      return "/teacher";
    case "admin":
      return "/admin";
  }
}
