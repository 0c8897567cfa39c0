import { test, expect } from '@playwright/test';

test('an ask is found through Backstage search', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // The collator first runs 10 s after start-up; search again until it has.
  await expect(async () => {
    await page.goto('/search?query=Klarna');
    await expect(
      page.getByRole('link', { name: 'Add Klarna as a payment provider' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(
    page.getByText('Help wanted on Payments Gateway').first(),
  ).toBeVisible();
});
