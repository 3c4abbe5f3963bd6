import type { UserRole } from "@/db/schema/enums";

export interface NavLink {
  href: string;
  label: string;
}

/** The navigation each role sees; only pages that exist are listed. */
export function navLinksFor(role: UserRole | null): NavLink[] {
  switch (role) {
    case null:
      return [{ href: "/", label: "Courses" }];
    case "student":
      return [
        { href: "/dashboard", label: "My learning" },
        { href: "/progress", label: "My progress" },
      ];
    case "teacher":
      return [{ href: "/teacher", label: "Teaching" }];
    case "admin":
      return [
        { href: "/admin", label: "Administration" },
        { href: "/teacher", label: "All courses" },
      ];
  }
}
