import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { BrowserTimeZone } from "@/components/calendar/browser-time-zone";
import { SiteFooter } from "@/components/layout/site-footer";
import { requestIdMetaName } from "@/components/errors/request-id-meta";
import { SiteHeader } from "@/components/layout/site-header";
import { currentRequestId } from "@/lib/logging/request-id";
import { siteName } from "@/lib/site/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const name = siteName();
  return {
    title: { default: name, template: `%s · ${name}` },
    description: `${name}: courses, lessons, quizzes and progress in one place.`,
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The error pages show it, so a user can quote the page's line in the server log.
  const requestId = await currentRequestId();
  return (
    <html lang="en">
      <head>{requestId ? <meta name={requestIdMetaName} content={requestId} /> : null}</head>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-page px-4 py-8 sm:px-6">
          {children}
        </main>
        <SiteFooter />
        <BrowserTimeZone />
      </body>
    </html>
  );
}
