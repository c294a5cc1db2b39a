import { expect, type Page } from '@playwright/test';

const ANSWER_PATH = /^\/api\/questionnaires\/mine\/[^/]+\/answers\/[^/]+$/;

/**
 * Chooses an answer to one question of a questionnaire (`choose` clicks or presses what picks it) and
 * waits until the server has saved that answer. The page's “Answer saved.” stays on screen from the
 * previous answer until the new save is under way, so it cannot tell this answer's save from the last
 * one's; and a reload, or “Send my answers”, must not overtake a save still on its way (the server
 * would resume or score without it). The first answer request sent after `choose` starts is this
 * answer's: the earlier ones were sent when their answers were chosen.
 */
export async function answerAndWaitForSave(page: Page, choose: () => Promise<unknown>): Promise<void> {
  const request = page.waitForRequest((r) => r.method() === 'PUT' && ANSWER_PATH.test(new URL(r.url()).pathname));
  await choose();
  const response = await (await request).response();
  expect(response?.ok(), 'the answer was saved').toBe(true);
  await expect(page.getByText('Answer saved.')).toBeAttached();
}
