import { test, expect, Locator, Page } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

/**
 * Opens a page, reloading until `ready` shows: the demo scores the catalog on
 * a schedule, shortly after start-up, so the first scorecards take a moment.
 */
async function openWhenScored(page: Page, path: string, ready: Locator) {
  await expect(async () => {
    await page.goto(path);
    await expect(ready).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
}

test.describe('InnerSource scorecards', () => {
  test.beforeEach(async ({ page }) => signInAsGuest(page));

  test('a complete demo entity holds Gold on facts the code host reported', async ({
    page,
  }, testInfo) => {
    const gold = page.getByRole('table', { name: 'Gold checks' });
    await openWhenScored(
      page,
      '/catalog/default/component/payments-gateway/innersource',
      gold,
    );
    await expect(
      page.getByRole('heading', { name: 'Gold (held)' }),
    ).toBeVisible();

    // Every check is listed with its status as text, by level.
    await expect(
      gold.getByRole('row', { name: /On-call documented/ }),
    ).toContainText('Pass');
    // Read from the demo GitHub fixture through the GitHub module.
    await expect(
      gold.getByRole('row', { name: /Recently active/ }),
    ).toContainText('Pass');
    await expect(
      gold.getByRole('row', { name: /Receives outside contributions/ }),
    ).toContainText('3 merged contributions from outside the owning team');

    const screenshot = testInfo.outputPath('scorecard-gold.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('scorecard of payments-gateway', {
      path: screenshot,
      contentType: 'image/png',
    });
  });

  test('a partial entity shows which checks hold it back and how to fix them', async ({
    page,
  }) => {
    const toFix = page.getByRole('list', { name: 'Checks to fix first' });
    await openWhenScored(
      page,
      '/catalog/default/component/checkout-web',
      toFix,
    );
    const skills = toFix
      .getByRole('listitem')
      .filter({ hasText: 'Lists the skills needed' });
    await expect(skills).toContainText('blocks Bronze');
    await expect(skills).toContainText('Add innersource/skills');
    await expect(
      toFix.getByRole('listitem').filter({ hasText: 'Has documentation' }),
    ).toContainText('backstage.io/techdocs-ref');
  });

  test('the team overview ranks the demo teams by average score', async ({
    page,
  }, testInfo) => {
    await expect(async () => {
      await page.goto('/innersource/scorecards');
      await expect(
        page.getByRole('table', { name: 'Teams' }).getByRole('row').nth(5),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000 });

    const teams = page.getByRole('table', { name: 'Teams' });
    const rows = teams.getByRole('row');
    // A header row and at least five teams.
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    const averages = (
      await teams.locator('tbody tr td:nth-child(4)').allTextContents()
    ).map(text => Number(/^\d+/.exec(text.trim())?.[0]));
    expect(averages.every(n => Number.isFinite(n))).toBe(true);
    expect(averages).toEqual([...averages].sort((a, b) => b - a));
    await expect(teams).toContainText('Payments');
    await expect(teams).toContainText('Developer Platform');

    const screenshot = testInfo.outputPath('scorecards-overview.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('scorecards overview', {
      path: screenshot,
      contentType: 'image/png',
    });
  });
});
