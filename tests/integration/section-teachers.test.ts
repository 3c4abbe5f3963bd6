// Section teachers see and grade only their sections' students: the teaching
// dashboard, the grading queues and grading, the progress report and its CSV,
// the student drill-down and the gradebook with its CSV. The course's own
// teacher (and an admin) filter the same places by section. Rows are inserted
// directly (the sections' own pages are tested elsewhere). Runs on PGlite and
// PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { learningTasks, quizzes } from "@/db/schema";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { submissionNotFoundMessage } from "@/lib/assignments/graded-submission";
import { loadSubmissionForGrading } from "@/lib/assignments/grading-queries";
import { loadGradingQueue } from "@/lib/assignments/queue-queries";
import { queueParamsSchema } from "@/lib/assignments/queue-schema";
import { loadSubmissionForReader } from "@/lib/assignments/submission-reader";
import type { Actor } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session-user";
import { listTaughtCourses } from "@/lib/courses/queries";
import { loadSectionTeacherCourse } from "@/lib/courses/section-teacher-course";
import { gradebookCsvLines } from "@/lib/gradebook/gradebook-csv";
import { gradebookStudents, loadGradebook, loadGradebookCourse, loadGradebookTasks } from "@/lib/gradebook/gradebook-queries";
import { gradebookParamsSchema } from "@/lib/gradebook/gradebook-schema";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";
import { loadAttemptEssays } from "@/lib/quizzes/grading/essay-answers";
import { countEssayAttemptsToGrade, loadEssayQueue } from "@/lib/quizzes/grading/essay-queue-queries";
import { gradeEssayAnswer } from "@/lib/quizzes/grading/grade-essay-answer";
import { essayAttemptNotFoundMessage } from "@/lib/quizzes/grading/messages";
import { loadAttemptForTeacher } from "@/lib/quizzes/results-attempt";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { exportEnrollmentCsv } from "@/lib/reports/enrollment-csv";
import { loadCourseProgressSummary, loadEnrollmentReport } from "@/lib/reports/enrollment-report";
import { parseReportQuery } from "@/lib/reports/report-params";
import { listSectionChoices } from "@/lib/reports/section-choices";
import { loadStudentDetailForStaff } from "@/lib/reports/student-course-detail";
import { inTx, refusal } from "./assignment-fixtures";
import { countQueries, testDb } from "./helpers";
import { setUpSectionSchool, type SectionSchool } from "./section-school-fixtures";

let school: SectionSchool;

const due = new Date("2026-12-10T17:00:00Z");

beforeAll(async () => {
  school = await setUpSectionSchool(due);
});

describe("the teaching dashboard", () => {
  it("lists the courses where the teacher teaches a section, named, with its sections' students only, in one statement", async () => {
    const { result, count } = await countQueries(() => listTaughtCourses(testDb(), school.sectionTeacher));
    expect(count).toBe(1);
    const row = result.find((course) => course.id === school.courseId);
    expect(row).toMatchObject({ sectionsTaught: ["10B"], editable: false, studentCount: 1 });
    // The course's teacher sees its course as before: editable, every student, no section of its own.
    const own = (await listTaughtCourses(testDb(), school.teacher)).find((course) => course.id === school.courseId);
    expect(own).toMatchObject({ sectionsTaught: [], editable: true, studentCount: 3 });
    expect(await listTaughtCourses(testDb(), school.demoted)).toEqual([]);
  });

  it("opens such a course as a section teacher's view, and not for anyone else", async () => {
    // Its published quizzes are listed for their results; a draft is not.
    const [published, draft] = await testDb()
      .insert(learningTasks)
      .values([
        { courseId: school.courseId, type: "quiz", title: "Kinematics check", status: "published", position: 1 },
        { courseId: school.courseId, type: "quiz", title: "Unfinished", status: "draft", position: 2 },
      ])
      .returning({ id: learningTasks.id });
    expect(draft).toBeDefined();
    const course = await loadSectionTeacherCourse(testDb(), school.sectionTeacher, school.courseId);
    expect(course).toMatchObject({
      id: school.courseId,
      sections: [{ id: school.sectionB, name: "10B" }],
      quizzes: [{ id: published!.id, title: "Kinematics check" }],
    });
    expect(await loadSectionTeacherCourse(testDb(), school.demoted, school.courseId)).toBeNull();
    expect(await loadSectionTeacherCourse(testDb(), school.otherTeacher, school.courseId)).toBeNull();
    expect(await loadSectionTeacherCourse(testDb(), school.sectionTeacher, "not-a-uuid")).toBeNull();
  });

  it("offers the section filter its own sections only, and the course's teacher every section", async () => {
    expect((await listSectionChoices(testDb(), school.sectionTeacher, school.courseId)).map((choice) => choice.id)).toEqual([school.sectionB]);
    expect((await listSectionChoices(testDb(), school.teacher, school.courseId)).map((choice) => choice.id)).toEqual([school.sectionA, school.sectionB]);
    expect(await listSectionChoices(testDb(), school.demoted, school.courseId)).toEqual([]);
    expect(await listSectionChoices(testDb(), school.otherTeacher, school.courseId)).toEqual([]);
  });
});

describe("the grading queue of hand-ins", () => {
  const all = queueParamsSchema.parse({ status: "all" });
  const ids = (queue: Awaited<ReturnType<typeof loadGradingQueue>>) => queue.rows.map((row) => row.submissionId).sort();

  it("holds a section teacher's sections' students only, in the same two statements", async () => {
    const { result, count } = await countQueries(() => loadGradingQueue(testDb(), school.sectionTeacher, all));
    expect(count).toBe(2);
    expect(ids(result)).toEqual([school.submissionB]);
    expect(result.courses.map((course) => course.id)).toContain(school.courseId);
    expect((await loadGradingQueue(testDb(), school.demoted, all)).rows).toEqual([]);
    const own = await countQueries(() => loadGradingQueue(testDb(), school.teacher, all));
    expect(own.count).toBe(2);
    expect(own.result.total).toBe(3);
  });

  it("filters by section for the course's teacher; another course's section or another's section reads as empty", async () => {
    const bySection = (actor: Actor, section: string) => loadGradingQueue(testDb(), actor, queueParamsSchema.parse({ status: "all", section }));
    expect(ids(await bySection(school.teacher, school.sectionA))).toEqual([school.submissionA]);
    expect(ids(await bySection(school.teacher, school.sectionB))).toEqual([school.submissionB]);
    expect(ids(await bySection(school.admin, school.sectionA))).toEqual([school.submissionA]);
    expect((await bySection(school.teacher, school.foreignSection)).total).toBe(0);
    expect((await bySection(school.sectionTeacher, school.sectionA)).total).toBe(0);
    // A malformed id is dropped by the URL schema: the whole queue, never an error.
    expect(queueParamsSchema.parse({ section: "'; drop table users; --" }).section).toBeUndefined();
  });
});

describe("grading a hand-in", () => {
  it("works for a section teacher's student and reads as not found for any other", async () => {
    expect(await loadSubmissionForGrading(testDb(), school.sectionTeacher, school.submissionB)).toMatchObject({ submissionId: school.submissionB });
    expect(await loadSubmissionForGrading(testDb(), school.sectionTeacher, school.submissionA)).toBeNull();
    expect(await loadSubmissionForGrading(testDb(), school.demoted, school.submissionB)).toBeNull();
    expect(await loadSubmissionForReader(testDb(), school.sectionTeacher, school.submissionB)).toMatchObject({ studentId: school.inB.id });
    expect(await loadSubmissionForReader(testDb(), school.sectionTeacher, school.submissionA)).toBeNull();

    const graded = await inTx((tx) =>
      gradeSubmission(tx, school.sectionTeacher, { submissionId: school.submissionB, revision: 1, points: 15, feedback: "Good", release: false }),
    );
    expect(graded).toMatchObject({ gradeStatus: "draft", points: 15 });
    const refused = await refusal(
      inTx((tx) => gradeSubmission(tx, school.sectionTeacher, { submissionId: school.submissionA, revision: 1, points: 15, feedback: "", release: false })),
    );
    expect(refused.userMessage).toBe(submissionNotFoundMessage);
    const demoted = await refusal(
      inTx((tx) => gradeSubmission(tx, school.demoted, { submissionId: school.submissionB, revision: 2, points: 1, feedback: "", release: false })),
    );
    expect(demoted.userMessage).toBe(submissionNotFoundMessage);
  });
});

describe("the progress report", () => {
  const courseScope = () => ({ kind: "course", courseId: school.courseId }) as const;
  const userIds = (report: Awaited<ReturnType<typeof loadEnrollmentReport>>) => report!.rows.map((row) => row.userId).sort();

  it("shows a section teacher its sections' students only, in the same three statements, summary included", async () => {
    const { result, count } = await countQueries(() => loadEnrollmentReport(testDb(), school.sectionTeacher, courseScope(), parseReportQuery({})));
    expect(count).toBe(3);
    expect(userIds(result)).toEqual([school.inB.id]);
    expect(result!.total).toBe(1);
    expect(await loadCourseProgressSummary(testDb(), school.sectionTeacher, school.courseId)).toMatchObject({ students: 1, active: 1 });
    expect(await loadEnrollmentReport(testDb(), school.demoted, courseScope(), parseReportQuery({}))).toBeNull();
    expect(await loadCourseProgressSummary(testDb(), school.otherTeacher, school.courseId)).toBeNull();
    const own = await countQueries(() => loadEnrollmentReport(testDb(), school.teacher, courseScope(), parseReportQuery({})));
    expect(own.count).toBe(3);
    expect(own.result!.total).toBe(3);
  });

  it("filters by section for the course's teacher and the admin's site report; a foreign section finds nobody", async () => {
    const bySection = (section: string) => parseReportQuery({ section });
    expect(userIds(await loadEnrollmentReport(testDb(), school.teacher, courseScope(), bySection(school.sectionA)))).toEqual([school.inA.id]);
    expect((await loadEnrollmentReport(testDb(), school.teacher, courseScope(), bySection(school.foreignSection)))!.total).toBe(0);
    expect((await loadEnrollmentReport(testDb(), school.sectionTeacher, courseScope(), bySection(school.sectionA)))!.total).toBe(0);
    const site = await loadEnrollmentReport(testDb(), school.admin, { kind: "site" }, parseReportQuery({ courseId: school.courseId, section: school.sectionB }));
    expect(userIds(site)).toEqual([school.inB.id]);
    expect(parseReportQuery({ section: "nope" }).filters.sectionId).toBeUndefined();
  });

  it("exports a section teacher's sections' students only as CSV", async () => {
    const lines = await exportEnrollmentCsv(testDb(), school.sectionTeacher, courseScope(), { filters: { q: "" }, sort: "student", dir: "asc" });
    const text: string[] = [];
    for await (const line of lines!) text.push(line);
    // The header and 10B's one student.
    expect(text).toHaveLength(2);
    expect(await exportEnrollmentCsv(testDb(), school.demoted, courseScope(), { filters: { q: "" }, sort: "student", dir: "asc" })).toBeNull();
  });

  it("opens the drill-down for a section teacher's student only", async () => {
    expect(await loadStudentDetailForStaff(testDb(), school.sectionTeacher, school.courseId, school.inB.id)).not.toBeNull();
    expect(await loadStudentDetailForStaff(testDb(), school.sectionTeacher, school.courseId, school.inA.id)).toBeNull();
    expect(await loadStudentDetailForStaff(testDb(), school.sectionTeacher, school.courseId, school.unsectioned.id)).toBeNull();
    expect(await loadStudentDetailForStaff(testDb(), school.demoted, school.courseId, school.inB.id)).toBeNull();
    expect(await loadStudentDetailForStaff(testDb(), school.teacher, school.courseId, school.inA.id)).not.toBeNull();
  });
});

describe("the gradebook", () => {
  const params = (raw: Record<string, string> = {}) => gradebookParamsSchema.parse(raw);
  const userIds = (book: Awaited<ReturnType<typeof loadGradebook>>) => book!.students.map((student) => student.userId).sort();

  it("lists a section teacher's sections' students only, in the same four statements", async () => {
    const { result, count } = await countQueries(() => loadGradebook(testDb(), school.sectionTeacher, school.courseId, params()));
    expect(count).toBe(4);
    expect(userIds(result)).toEqual([school.inB.id]);
    expect(await loadGradebook(testDb(), school.demoted, school.courseId, params())).toBeNull();
    expect(await loadGradebook(testDb(), school.otherTeacher, school.courseId, params())).toBeNull();
    const own = await countQueries(() => loadGradebook(testDb(), school.teacher, school.courseId, params()));
    expect(own.count).toBe(4);
    expect(own.result!.total).toBe(3);
  });

  it("filters by section; a foreign or another's section lists nobody", async () => {
    expect(userIds(await loadGradebook(testDb(), school.teacher, school.courseId, params({ section: school.sectionA })))).toEqual([school.inA.id]);
    expect((await loadGradebook(testDb(), school.teacher, school.courseId, params({ section: school.foreignSection })))!.total).toBe(0);
    expect((await loadGradebook(testDb(), school.sectionTeacher, school.courseId, params({ section: school.sectionA })))!.total).toBe(0);
  });

  it("exports a section teacher's sections' students only as CSV", async () => {
    const course = await loadGradebookCourse(testDb(), school.sectionTeacher, school.courseId);
    const tasks = await loadGradebookTasks(testDb(), course!.id);
    const lines: string[] = [];
    for await (const line of gradebookCsvLines(testDb(), course!.id, tasks, gradebookStudents(school.sectionTeacher, course!))) lines.push(line);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(school.inB.email);
  });
});

describe("quiz essays", () => {
  async function essayAttempt(student: CurrentUser) {
    const { attemptId } = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId));
    await testDb().transaction((tx) => saveAnswer(tx, student, { attemptId, questionId: quiz.essayId, response: { text: "Friction." } }));
    await testDb().transaction((tx) => submitAttempt(tx, student, attemptId));
    return attemptId;
  }
  let quiz: { taskId: string; essayId: string };

  it("queue, open and grade a section teacher's students' essays only", async () => {
    const [task] = await testDb()
      .insert(learningTasks)
      .values({ courseId: school.courseId, type: "quiz", title: "Essay", status: "published", position: 9 })
      .returning({ id: learningTasks.id });
    await testDb().insert(quizzes).values({ taskId: task!.id, attemptsAllowed: 1, timeLimitMinutes: null });
    const [essay] = await insertQuizQuestions(testDb(), {
      courseId: school.courseId,
      taskId: task!.id,
      questions: [{ type: "essay", text: "Explain", points: 4, data: { kind: "essay", graderInfo: "" } }],
    });
    quiz = { taskId: task!.id, essayId: essay!.questionId };
    const attemptA = await essayAttempt(school.inA);
    const attemptB = await essayAttempt(school.inB);

    const { result, count } = await countQueries(() => loadEssayQueue(testDb(), school.sectionTeacher, { course: school.courseId, page: 1 }));
    expect(count).toBe(2);
    expect(result.rows.map((row) => row.attemptId)).toEqual([attemptB]);
    expect(await countEssayAttemptsToGrade(testDb(), school.sectionTeacher, school.courseId)).toBe(1);
    expect(await countEssayAttemptsToGrade(testDb(), school.demoted, school.courseId)).toBe(0);
    expect((await loadEssayQueue(testDb(), school.teacher, { course: school.courseId, page: 1 })).total).toBe(2);
    expect(
      (await loadEssayQueue(testDb(), school.teacher, { course: school.courseId, page: 1, section: school.sectionA })).rows.map((row) => row.attemptId),
    ).toEqual([attemptA]);
    expect((await loadEssayQueue(testDb(), school.teacher, { page: 1, section: school.foreignSection })).total).toBe(0);

    const address = (attemptId: string) => ({ courseId: school.courseId, taskId: quiz.taskId, attemptId });
    expect(await loadAttemptForTeacher(testDb(), school.sectionTeacher, address(attemptB))).not.toBeNull();
    expect(await loadAttemptForTeacher(testDb(), school.sectionTeacher, address(attemptA))).toBeNull();
    expect(await loadAttemptEssays(testDb(), school.sectionTeacher, address(attemptB))).not.toBeNull();
    expect(await loadAttemptEssays(testDb(), school.sectionTeacher, address(attemptA))).toBeNull();

    const graded = await inTx((tx) => gradeEssayAnswer(tx, school.sectionTeacher, { attemptId: attemptB, questionId: quiz.essayId, points: 3, comment: "" }));
    expect(graded).toMatchObject({ points: 3, gradingPending: false });
    const refused = await refusal(
      inTx((tx) => gradeEssayAnswer(tx, school.sectionTeacher, { attemptId: attemptA, questionId: quiz.essayId, points: 3, comment: "" })),
    );
    expect(refused.userMessage).toBe(essayAttemptNotFoundMessage);
  });
});
