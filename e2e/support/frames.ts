import type { Page } from "@playwright/test";

/**
 * Waits for the browser to paint `count` frames. A keyboard drag (dnd-kit)
 * announces the pick-up at once but measures where the items are in the next
 * frames; an arrow key pressed before that is ignored, which made the first
 * move of a keyboard drag fail now and then under load.
 */
export async function afterFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(frames);
      }),
    count,
  );
}
