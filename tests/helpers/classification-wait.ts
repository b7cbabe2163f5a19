/** Waiting, in a browser test, for the served app's in-process worker. */
import type { Page } from 'playwright-core';

/** The in-process worker classifies in the background: wait until every comment is scored. */
export async function waitForClassification(page: Page, url: string): Promise<void> {
  for (let attempt = 0; attempt < 180; attempt++) {
    await page.goto(url);
    const counts = await page
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [row.children[3]?.textContent, row.querySelector('.scored')?.textContent])
      );
    if (counts.length > 0 && counts.every(([comments, scored]) => comments === scored)) return;
    await page.waitForTimeout(1000);
  }
  throw new Error('the seeds were not classified in time');
}
