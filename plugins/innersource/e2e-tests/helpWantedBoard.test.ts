import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test('the help-wanted board filters by skill and a copied URL reproduces the view', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'InnerSource' })
    .click();
  await expect(page).toHaveURL(/\/innersource/);

  const results = page.getByRole('list', { name: 'Help-wanted results' });
  // The board is filled from the catalog on a schedule (every 20 s in the demo):
  // reload until the first refresh has happened.
  await expect(async () => {
    await page.reload();
    await expect(
      results.getByRole('heading', { name: 'Payments Gateway' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  // Expired asks are not offered: refunds-service's asks ended in 2024.
  await expect(
    results.getByText(
      'Port the refund reconciliation job to Kotlin coroutines',
    ),
  ).toHaveCount(0);

  await page
    .getByRole('group', { name: 'Skills' })
    .getByRole('checkbox', { name: /^kotlin \(\d+\)$/ })
    .check();
  await expect(page).toHaveURL(/skill=kotlin/);
  await expect(
    results.getByRole('heading', { name: 'Payments Gateway' }),
  ).toBeVisible();
  await expect(results.getByRole('heading', { name: 'iOS App' })).toHaveCount(
    0,
  );
  const filteredTitles = await results.getByRole('heading').allTextContents();

  const sharedUrl = page.url();
  await page.goto('about:blank');
  await page.goto(sharedUrl);
  await expect(
    page
      .getByRole('group', { name: 'Skills' })
      .getByRole('checkbox', { name: /^kotlin \(\d+\)$/ }),
  ).toBeChecked();
  await expect(results.getByRole('heading')).toHaveText(filteredTitles);

  const screenshot = testInfo.outputPath('help-wanted-board.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('help-wanted board filtered by kotlin', {
    path: screenshot,
    contentType: 'image/png',
  });
});
