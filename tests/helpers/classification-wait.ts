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

export interface ArticleCounts {
  id: number;
  commentCount: number;
  scoredCount: number;
  flaggedCount: number;
}

/**
 * Without a browser: polls GET /api/v1/articles (with `headers` that sign the request in)
 * until `articles` articles are stored and every comment is scored; returns their counts.
 */
export async function waitForScoredArticles(
  appUrl: string,
  headers: Record<string, string>,
  { articles, attempts = 300 }: { articles: number; attempts?: number }
): Promise<ArticleCounts[]> {
  let counts: ArticleCounts[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    const response = await fetch(new URL('/api/v1/articles', appUrl), { headers });
    counts = ((await response.json()) as { articles: ArticleCounts[] }).articles;
    const scored = counts.every((article) => article.commentCount === article.scoredCount);
    if (counts.length === articles && scored) return counts;
    await new Promise((wait) => setTimeout(wait, 1000));
  }
  throw new Error(`the articles were not all stored and scored in time: ${JSON.stringify(counts)}`);
}
