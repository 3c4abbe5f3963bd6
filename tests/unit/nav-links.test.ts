import { describe, expect, it } from "vitest";
import { navLinksFor, settingsLinks } from "@/components/layout/nav-links";

describe("navLinksFor", () => {
  it("offers the catalogue first to every role", () => {
    for (const role of [null, "student", "teacher", "admin"] as const) {
      expect(navLinksFor(role)[0]).toEqual({ href: "/courses", label: "Courses" });
    }
  });
});

describe("the calendar", () => {
  it("is in every signed-in role's navigation, and not a guest's", () => {
    for (const role of ["student", "teacher", "admin"] as const) {
      expect(navLinksFor(role)).toContainEqual({ href: "/calendar", label: "Calendar" });
    }
    expect(navLinksFor(null).map((link) => link.href)).not.toContain("/calendar");
  });

  it("has its time zone setting among the settings pages", () => {
    expect(settingsLinks).toContainEqual({ href: "/settings/calendar", label: "Calendar and time zone" });
  });
});

describe("certificates", () => {
  // An admin reaches cohorts and certificates from the Administration page, which keeps the menu short.
  it("a student reaches its certificates from the menu; nobody else has that link", () => {
    expect(navLinksFor("student")).toContainEqual({ href: "/certificates", label: "Certificates" });
    expect(navLinksFor("teacher").map((link) => link.href)).not.toContain("/certificates");
    expect(navLinksFor(null).map((link) => link.href)).not.toContain("/certificates");
  });
});
