import type { TransferView } from "@/lib/course-transfer/transfers/transfer-queries";

// How a copy or an import is named on its page and in the list of recent ones.

export const transferKindLabels: Record<TransferView["kind"], string> = {
  copy: "Copy",
  restore: "Backup restore",
  cartridge_import: "Common Cartridge import",
};

export const transferStatusLabels: Record<TransferView["status"], string> = {
  uploaded: "Waiting for your confirmation",
  queued: "Waiting to start",
  running: "In progress",
  done: "Done",
  failed: "Failed",
};

/** "3 of 12 files copied", then "Saving the course…": the job counts each file, then the course itself, as a step. */
export function progressText(view: Pick<TransferView, "kind" | "status" | "stepsDone" | "stepsTotal">): string {
  if (view.status === "queued" || view.stepsTotal === 0) return "Waiting for the server to start…";
  const files = view.stepsTotal - 1;
  if (view.stepsDone >= files) return files > 0 ? `All ${files} file${files === 1 ? "" : "s"} ${view.kind === "copy" ? "copied" : "stored"}; saving the course…` : "Saving the course…";
  return `${view.stepsDone} of ${files} file${files === 1 ? "" : "s"} ${view.kind === "copy" ? "copied" : "stored"}`;
}

/** 0 to 100: how far the job has got. */
export const progressPercent = (view: Pick<TransferView, "stepsDone" | "stepsTotal">): number =>
  view.stepsTotal === 0 ? 0 : Math.floor((Math.min(view.stepsDone, view.stepsTotal) / view.stepsTotal) * 100);
