import type { ApiContract } from "../contract";
import { badgeContracts } from "./badges";
import { calendarContracts } from "./calendar";
import { calendarFeedContracts } from "./calendar-feeds";
import { certificateContracts } from "./certificates";
import { cohortContracts } from "./cohorts";
import { coreContracts } from "./core";
import { courseTransferContracts } from "./course-transfers";
import { enrollmentContracts } from "./enrollments";
import { learningContracts } from "./learning";
import { notificationContracts } from "./notifications";
import { questionBankContracts } from "./question-bank";
import { quizGradingContracts } from "./quiz-grading";
import { quizContracts } from "./quizzes";
import { releaseRuleContracts } from "./release-rules";
import { sectionContracts } from "./sections";
import { sessionContracts } from "./sessions";
import { submissionContracts } from "./submissions";
import { taskOverrideContracts } from "./task-overrides";
import { sectionOverrideContracts } from "./section-overrides";

/** Every endpoint of /api/v1: the OpenAPI document and the permission matrix test both start here. */
export const apiContracts: readonly ApiContract[] = [
  ...coreContracts,
  ...sessionContracts,
  ...enrollmentContracts,
  ...learningContracts,
  ...quizContracts,
  ...quizGradingContracts,
  ...questionBankContracts,
  ...submissionContracts,
  ...notificationContracts,
  ...courseTransferContracts,
  ...calendarContracts,
  ...calendarFeedContracts,
  ...taskOverrideContracts,
  ...sectionOverrideContracts,
  ...releaseRuleContracts,
  ...sectionContracts,
  ...badgeContracts,
  ...cohortContracts,
  ...certificateContracts,
] as unknown as readonly ApiContract[];
