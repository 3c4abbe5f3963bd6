import { sql } from "drizzle-orm";
import { quizAttempts } from "@/db/schema";

/**
 * How many essays of the attempt (the row of the outer query) wait for a
 * teacher: answered (text other than blanks, as grading reads it) and without
 * a teacher's score. A correlated count, so a list computes it for the rows of
 * its page in the same statement.
 */
export const essaysWaiting = sql<number>`(
  SELECT count(*)::int FROM quiz_answers a JOIN quiz_questions q ON q.id = a.question_id
  WHERE a.attempt_id = ${quizAttempts.id} AND q.type = 'essay' AND a.manual_points IS NULL
    AND coalesce(a.response ->> 'text', '') ~ '[^[:space:]]'
)`.mapWith(Number);
