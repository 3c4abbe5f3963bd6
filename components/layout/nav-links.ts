import type { UserRole } from "@/db/schema/enums";

export interface NavLink {
  href: string;
  label: string;
}

const catalogue: NavLink = { href: "/courses", label: "Courses" };
/** Every signed-in role's due dates, openings and course events. */
const calendar: NavLink = { href: "/calendar", label: "Calendar" };

/** The navigation each role sees; only pages that exist are listed. Everyone may browse the catalogue. */
export function navLinksFor(role: UserRole | null): NavLink[] {
  switch (role) {
    case null:
      return [catalogue];
    case "student":
      return [
        catalogue,
        { href: "/dashboard", label: "My learning" },
        { href: "/progress", label: "My progress" },
        { href: "/grades", label: "My grades" },
        { href: "/certificates", label: "Certificates" },
        calendar,
      ];
    case "teacher":
      return [catalogue, { href: "/teacher", label: "Teaching" }, { href: "/teacher/grading", label: "Grading" }, calendar];
    case "admin":
      return [
        catalogue,
        { href: "/admin", label: "Administration" },
        { href: "/admin/report", label: "Report" },
        { href: "/admin/users", label: "Users" },
        { href: "/admin/audit", label: "Audit log" },
        { href: "/teacher", label: "All courses" },
        { href: "/teacher/grading", label: "Grading" },
        calendar,
        { href: "/admin/outbox", label: "Outbox" },
      ];
  }
}

/** The account's settings pages, for every signed-in role: in the account menu and beside each settings page. */
export const settingsLinks: NavLink[] = [
  { href: "/settings/notifications", label: "Notification settings" },
  { href: "/settings/calendar", label: "Calendar and time zone" },
  { href: "/settings/calendar-feed", label: "Calendar feed" },
  { href: "/settings/api-tokens", label: "API tokens" },
  { href: "/settings/sessions", label: "Sessions" },
  { href: "/settings/password", label: "Password" },
  { href: "/settings/security", label: "Security" },
];
