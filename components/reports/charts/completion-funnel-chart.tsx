"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CourseFunnel } from "@/lib/reports/site-charts";

// Four steps, light to dark, so the drop from one to the next reads without colour names.
const steps = [
  { key: "enrolled", name: "Enrolled", fill: "#bfdbfe" },
  { key: "started", name: "Started", fill: "#60a5fa" },
  { key: "halfway", name: "Halfway", fill: "#2563eb" },
  { key: "completed", name: "Completed", fill: "#1e3a8a" },
] as const;

/** The completion funnel of each course as horizontal grouped bars (course names stay readable at phone width). */
export function CompletionFunnelChart({ courses }: { courses: CourseFunnel[] }) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height: 80 + courses.length * 64 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={courses} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="title" width={110} fontSize={12} />
          <Tooltip />
          {/* In funnel order, not A→Z; labels in ink, since the lightest bar colour is too pale for text. */}
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value) => <span style={{ color: "#1e293b" }}>{value}</span>} />
          {steps.map((step) => (
            <Bar key={step.key} dataKey={step.key} name={step.name} fill={step.fill} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
