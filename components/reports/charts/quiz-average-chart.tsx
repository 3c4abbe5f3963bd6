"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface QuizAverageBar {
  title: string;
  quizAverage: number;
}

/** Each course's quiz average (0–100 %) as horizontal bars. */
export function QuizAverageChart({ courses }: { courses: QuizAverageBar[] }) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height: 60 + courses.length * 36 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={courses} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" fontSize={12} />
          <YAxis type="category" dataKey="title" width={110} fontSize={12} />
          <Tooltip formatter={(value) => `${String(value)}%`} />
          <Bar dataKey="quizAverage" name="Quiz average" fill="#0f766e" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
