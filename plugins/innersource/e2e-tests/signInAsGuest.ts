import { expect, Page } from '@playwright/test';

/** Signs in as the demo's guest and waits until the app is ready, signed in. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Navigating before sign-in has finished would land on a signed-out page.
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
