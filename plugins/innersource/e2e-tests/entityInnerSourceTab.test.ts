import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test.describe('the InnerSource tab on entity pages', () => {
  test.beforeEach(async ({ page }) => signInAsGuest(page));

  test('a malformed entity stays in the catalog and its tab lists each problem with the fix', async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog?filters[kind]=component');
    await page.getByRole('link', { name: 'Image Resizer' }).click();
    // Entity page tabs are links in the new frontend system's header; the
    // sidebar's InnerSource page has a link of the same name.
    await page
      .getByRole('link', { name: 'InnerSource', exact: true })
      .and(page.locator('a[href*="/catalog/"]'))
      .click();

    const problems = page.getByRole('table', { name: 'Annotation problems' });
    await expect(problems).toBeVisible();
    const rowOf = (annotation: string) =>
      problems.getByRole('row').filter({ hasText: annotation });
    await expect(rowOf('innersource/contributing')).toContainText('Error');
    await expect(rowOf('innersource/contributing')).toContainText(
      'only http and https links are allowed',
    );
    await expect(rowOf('innersource/chat')).toContainText('Error');
    await expect(rowOf('innersource/contribution-types')).toContainText(
      'use one of code, docs, tests, design, review, triage, ops',
    );
    await expect(rowOf('innersource/skils')).toContainText('Warning');
    await expect(rowOf('innersource/skils')).toContainText(
      'did you mean innersource/skills?',
    );
    // The hostile values are shown as text, never turned into links.
    await expect(
      page.locator('a[href^="javascript:"], a[href^="data:"]'),
    ).toHaveCount(0);

    const screenshot = testInfo.outputPath('malformed-entity-tab.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('InnerSource tab of a malformed entity', {
      path: screenshot,
      contentType: 'image/png',
    });
  });

  test('every malformed example shows its errors on its page', async ({
    page,
  }) => {
    const expectations: Record<string, string[]> = {
      'legacy-ledger': [
        'innersource/help-wanted-until',
        'innersource/response-time',
        'innersource/warranty',
      ],
      'recommendations-engine': [
        'innersource/trusted-committers',
        'innersource/scorecard-exempt',
      ],
      'data-exporter': [
        'innersource/contributions-wanted',
        'innersource/help-wanted-until',
        'innersource/license',
      ],
    };
    for (const [name, annotations] of Object.entries(expectations)) {
      await page.goto(`/catalog/default/component/${name}/innersource`);
      const problems = page.getByRole('table', {
        name: 'Annotation problems',
      });
      for (const annotation of annotations) {
        await expect(
          problems.getByRole('row').filter({ hasText: annotation }),
        ).toContainText('Error');
      }
    }
  });

  test('a complete entity shows its profile and no problems', async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog/default/component/payments-gateway/innersource');
    await expect(
      page.getByText('No problems found in the innersource/* annotations.'),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: 'Asks' })).toContainText(
      'Add Klarna as a payment provider',
    );
    await expect(page.getByRole('link', { name: 'Jane Doe' })).toBeVisible();

    const screenshot = testInfo.outputPath('complete-entity-tab.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('InnerSource tab of a complete entity', {
      path: screenshot,
      contentType: 'image/png',
    });
  });

  test('an entity without annotations shows the snippet to add', async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/auth-service/innersource');
    await expect(
      page.getByRole('heading', { name: 'No InnerSource annotations yet' }),
    ).toBeVisible();
    await expect(
      page.getByText('innersource/contributions-wanted').first(),
    ).toBeVisible();
  });

  test('the overview card counts open asks and problems', async ({ page }) => {
    await page.goto('/catalog/default/component/refunds-service');
    const card = page
      .locator('article, .MuiCard-root')
      .filter({ has: page.getByRole('heading', { name: 'InnerSource' }) })
      .first();
    await expect(card).toContainText('Contributions welcome');
    await expect(card).toContainText('0 open asks (2 expired)');
  });
});
