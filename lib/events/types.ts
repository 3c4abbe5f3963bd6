// Every event the application publishes, with its payload. Subscribers
// (notifications, email) switch on `type`; adding a kind here is the contract.
export type DomainEvent =
  | { type: "user.registered"; aggregateId: string; payload: { userId: string; role: string } }
  | { type: "user.role_changed"; aggregateId: string; payload: { userId: string; from: string; to: string } }
  | { type: "user.deactivated"; aggregateId: string; payload: { userId: string } }
  | { type: "user.reactivated"; aggregateId: string; payload: { userId: string } }
  // An admin created an account; its owner sets a password through an invitation link.
  | { type: "user.created"; aggregateId: string; payload: { userId: string; role: string } }
  // An admin erased a user's identity on request; learning records stay, without it.
  | { type: "user.anonymized"; aggregateId: string; payload: { userId: string } }
  | { type: "enrollment.created"; aggregateId: string; payload: { userId: string; courseId: string; reactivated: boolean } }
  | { type: "enrollment.dropped"; aggregateId: string; payload: { userId: string; courseId: string } }
  | { type: "enrollment.completed"; aggregateId: string; payload: { userId: string; courseId: string } }
  | { type: "course.published"; aggregateId: string; payload: { courseId: string; teacherId: string } }
  // A lesson added to a published course: enrolled students are told (notifications).
  | { type: "lesson.published"; aggregateId: string; payload: { lessonId: string; courseId: string } }
  // A quiz or assignment made visible to the students of a published course.
  | { type: "task.published"; aggregateId: string; payload: { taskId: string; courseId: string; taskType: string } }
  // A teacher released (or changed a released) grade of a hand-in: its student is told.
  | {
      type: "grade.released";
      aggregateId: string;
      payload: { submissionId: string; taskId: string; courseId: string; userId: string; points: number; maxPoints: number | null };
    }
  // A teacher graded the last essay waiting in a quiz attempt (or changed a grade of one): its student is told.
  | {
      type: "quiz.graded";
      aggregateId: string;
      payload: { attemptId: string; taskId: string; courseId: string; userId: string; points: number; maxPoints: number };
    }
  // A teacher or admin posted an announcement: the course's students are told.
  | { type: "announcement.posted"; aggregateId: string; payload: { announcementId: string; courseId: string } }
  // A reply in a discussion thread: the thread's followers are told (never its author).
  | { type: "discussion.replied"; aggregateId: string; payload: { postId: string; threadId: string; courseId: string } }
  // A course copy, restore or cartridge import finished (or failed) in the background: whoever asked is told.
  | { type: "course_transfer.finished"; aggregateId: string; payload: { transferId: string; userId: string; status: "done" | "failed" } }
  // The scheduler found a published task due within 24 hours: students who have not finished it are told.
  | { type: "task.due_soon"; aggregateId: string; payload: { taskId: string; courseId: string; dueAt: string } }
  // The scheduler found a student's own (override) due date within 24 hours: that student is told, as for task.due_soon.
  | {
      type: "task.override_due_soon";
      aggregateId: string;
      payload: { overrideId: string; taskId: string; courseId: string; userId: string; dueAt: string };
    }
  // A teacher gave a student (or took away) its own due date, time limit or attempts on a task: the student is told;
  // or a section's (sectionId): each of its students is told.
  | {
      type: "task.deadline_changed";
      aggregateId: string;
      payload: { taskId: string; courseId: string; userId: string } | { taskId: string; courseId: string; sectionId: string };
    }
  // A certificate was issued (on completion, a grade reaching the minimum, or by the teacher): its student is told.
  | { type: "certificate.issued"; aggregateId: string; payload: { certificateId: string; userId: string; courseId: string } }
  // A teacher was given a section of someone else's course to teach: it is told.
  | { type: "section.teacher_added"; aggregateId: string; payload: { sectionId: string; courseId: string; userId: string } };

export type DomainEventType = DomainEvent["type"];

export const aggregateTypeOf = (type: DomainEventType): string => type.slice(0, type.indexOf("."));
