// The queues code outside the worker wakes (db/job-queue.ts defines them all).
export const notificationEventsQueue = "notification-events";
export const emailSendQueue = "email.send";
export const courseTransfersQueue = "course-transfers";
