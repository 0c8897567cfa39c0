import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test('an ask is found through Backstage search', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsGuest(page);

  // The demo collates asks every 30 s once the catalog is loaded; search again until
  // the first collation has run.
  await expect(async () => {
    await page.goto('/search?query=Klarna');
    await expect(
      page.getByRole('link', { name: 'Add Klarna as a payment provider' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(
    page.getByText('Help wanted on Payments Gateway').first(),
  ).toBeVisible();
});
