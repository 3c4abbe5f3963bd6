import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";

// Every settings page is reached from the others.
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <SettingsNav />
      {children}
    </div>
  );
}
