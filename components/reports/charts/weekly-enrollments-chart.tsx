"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekCount } from "@/lib/reports/site-charts";

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Enrolments per week as bars; the figure around it carries the text alternative. */
export function WeeklyEnrollmentsChart({ weeks }: { weeks: WeekCount[] }) {
  return (
    <div aria-hidden="true" className="h-60 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={weeks} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tickFormatter={shortDay} fontSize={12} minTickGap={16} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip labelFormatter={(week) => `Week of ${shortDay(String(week))}`} />
          <Bar dataKey="enrollments" name="Enrolments" fill="#2563eb" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
