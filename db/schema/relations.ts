import { relations } from "drizzle-orm";
import { courses, modules } from "./courses";
import { lessons } from "./lessons";
import { enrollments, lessonCompletions } from "./enrollments";
import { learningTasks, taskProgress } from "./tasks";
import { users } from "./users";

export const usersRelations = relations(users, ({ many }) => ({
  taughtCourses: many(courses),
  enrollments: many(enrollments),
}));

export const coursesRelations = relations(courses, ({ one, many }) => ({
  teacher: one(users, { fields: [courses.teacherId], references: [users.id] }),
  modules: many(modules),
  enrollments: many(enrollments),
  tasks: many(learningTasks),
}));

export const modulesRelations = relations(modules, ({ one, many }) => ({
  course: one(courses, { fields: [modules.courseId], references: [courses.id] }),
  lessons: many(lessons),
}));

export const lessonsRelations = relations(lessons, ({ one, many }) => ({
  module: one(modules, { fields: [lessons.moduleId], references: [modules.id] }),
  completions: many(lessonCompletions),
}));

export const enrollmentsRelations = relations(enrollments, ({ one }) => ({
  user: one(users, { fields: [enrollments.userId], references: [users.id] }),
  course: one(courses, { fields: [enrollments.courseId], references: [courses.id] }),
}));

export const lessonCompletionsRelations = relations(lessonCompletions, ({ one }) => ({
  user: one(users, { fields: [lessonCompletions.userId], references: [users.id] }),
  lesson: one(lessons, { fields: [lessonCompletions.lessonId], references: [lessons.id] }),
}));

export const learningTasksRelations = relations(learningTasks, ({ one, many }) => ({
  course: one(courses, { fields: [learningTasks.courseId], references: [courses.id] }),
  module: one(modules, { fields: [learningTasks.moduleId], references: [modules.id] }),
  progress: many(taskProgress),
}));

export const taskProgressRelations = relations(taskProgress, ({ one }) => ({
  user: one(users, { fields: [taskProgress.userId], references: [users.id] }),
  task: one(learningTasks, { fields: [taskProgress.taskId], references: [learningTasks.id] }),
}));
