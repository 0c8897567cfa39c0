import { test, expect } from '@playwright/test';

test('a guest signs in, opens the catalog and finds an example entity', async ({
  page,
}, testInfo) => {
  await page.goto('/');

  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();

  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();
  await expect(page).toHaveURL(/\/catalog/);
  // The guest belongs to a team that owns components, so the catalog opens on
  // "Owned"; ask for all components.
  await page.goto('/catalog?filters%5Bkind%5D=component&filters%5Buser%5D=all');

  const entityLink = page.getByRole('link', { name: 'Payments Gateway' });
  await expect(entityLink).toBeVisible();
  // The catalog ingests the example files in the background; the table shows them all.
  await expect(page.getByRole('link', { name: 'Checkout Web' })).toBeVisible();

  const screenshot = testInfo.outputPath('catalog.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('catalog page', {
    path: screenshot,
    contentType: 'image/png',
  });

  await entityLink.click();
  await expect(
    page.getByRole('heading', { name: 'Payments Gateway' }),
  ).toBeVisible();
  await expect(
    page.getByText('group:payments').or(page.getByText('payments')).first(),
  ).toBeVisible();
});
