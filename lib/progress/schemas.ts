import { z } from "zod";

export const completeLessonSchema = z.object({
  lessonId: z.uuid("Choose a lesson."),
});
