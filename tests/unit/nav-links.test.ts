import { describe, expect, it } from "vitest";
import { navLinksFor } from "@/components/layout/nav-links";

describe("navLinksFor", () => {
  it("offers the catalogue first to every role", () => {
    for (const role of [null, "student", "teacher", "admin"] as const) {
      expect(navLinksFor(role)[0]).toEqual({ href: "/courses", label: "Courses" });
    }
  });
});
