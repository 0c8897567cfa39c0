import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test('"I want to help" sends a notification that reaches the owning team', async ({
  page,
}) => {
  await signInAsGuest(page);
  const results = page.getByRole('list', { name: 'Help-wanted results' });
  const card = results.getByRole('article', { name: 'CI Templates' });
  // The board is filled from the catalog on a schedule (every 20 s in the demo):
  // reload until the first refresh has happened.
  await expect(async () => {
    await page.goto('/innersource?owner=group%3Adefault%2Fplatform');
    await expect(card).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await card
    .getByRole('button', { name: 'I want to help with CI Templates' })
    .click();

  const dialog = page.getByRole('dialog', {
    name: 'Offer help to CI Templates',
  });
  await dialog
    .getByLabel('Ask (optional)')
    .selectOption({ label: 'Add a template for Rust services' });
  await dialog
    .getByLabel('Message (optional)')
    .fill('I maintain two Rust services and can pair on this.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('The platform team was notified')).toBeVisible();

  // In the demo the guest belongs to the Developer Platform team, so the
  // notification arrives in the guest's own inbox.
  await page.goto('/notifications');
  await expect(
    page.getByText('wants to help with CI Templates').first(),
  ).toBeVisible();
});
