import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test('the README badge dialog copies a snippet whose URL serves the SVG without a token', async ({
  page,
  context,
  playwright,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-gateway');

  const chip = page.getByRole('button', { name: 'Contributions welcome' });
  await expect(chip).toBeVisible();
  await chip.click();

  const dialog = page.getByRole('dialog', { name: 'README badges' });
  const contributions = dialog.getByRole('region', {
    name: 'contributions badge',
  });
  // The board is filled on a schedule: until then the badge may be missing.
  await expect(async () => {
    await expect(contributions).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(contributions.getByRole('img')).toHaveAttribute(
    'alt',
    'contributions: welcome',
  );

  await contributions
    .getByRole('button', { name: 'Copy Markdown for the contributions badge' })
    .click();
  const markdown = await page.evaluate<string>(
    'navigator.clipboard.readText()',
  );
  const match = /^\[!\[[^\]]*\]\((\S+)\)\]\((\S+)\)$/.exec(markdown.trim());
  expect(match, `a Markdown image link, got: ${markdown}`).not.toBeNull();
  const [, imageUrl, linkUrl] = match!;
  expect(linkUrl).toMatch(/\/catalog\/default\/component\/payments-gateway$/);

  // README images are fetched without any Backstage token.
  const anonymous = await playwright.request.newContext();
  const response = await anonymous.get(imageUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  const svg = await response.text();
  expect(svg).toContain('<svg');
  expect(svg).toContain('welcome');
  await anonymous.dispose();

  const screenshot = testInfo.outputPath('readme-badge-dialog.png');
  await page.screenshot({ path: screenshot });
  await testInfo.attach('README badge dialog', {
    path: screenshot,
    contentType: 'image/png',
  });
});
