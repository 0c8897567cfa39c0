import { test, expect, Locator, Page } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

/*
 * The demo reads its repositories from the demo GitHub fixture (localhost:7008)
 * through the production GitHub module: the facts below are what that module
 * read, stored and scored, not values of the frontend.
 */

/** Opens a page, reloading until `ready` shows: facts arrive with the first code-host cycle. */
async function openWhenRead(page: Page, path: string, ready: Locator) {
  await expect(async () => {
    await page.goto(path);
    await expect(ready).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
}

test.describe('code-host facts from the demo GitHub fixture', () => {
  test.beforeEach(async ({ page }) => signInAsGuest(page));

  test('the board lists live good-first issues and filters to projects that have them', async ({
    page,
  }, testInfo) => {
    const issues = page.getByRole('region', {
      name: 'Good-first issues of Payments Gateway',
    });
    await openWhenRead(page, '/innersource', issues);
    await expect(issues).toContainText('3 open good-first issues');
    const newest = issues.getByRole('list', {
      name: 'Newest good-first issues',
    });
    const link = newest.getByRole('link', {
      name: 'Capture retry test is flaky on CI',
    });
    await expect(link).toHaveAttribute(
      'href',
      'http://localhost:7008/acme/payments-gateway/issues/18',
    );
    // The link leads somewhere: the fixture serves a page for every issue.
    const issuePage = await page.request.get(
      (await link.getAttribute('href'))!,
    );
    expect(issuePage.status()).toBe(200);

    await page.getByRole('checkbox', { name: /Has good-first issues/ }).check();
    await expect(page).toHaveURL(/issues=true/);
    const results = page.getByRole('list', { name: 'Help-wanted results' });
    await expect(
      results.getByRole('heading', { name: 'Payments Gateway' }),
    ).toBeVisible();
    // search-indexer asks for help but has no labelled issue open.
    await expect(
      results.getByRole('heading', { name: 'Search Indexer' }),
    ).toHaveCount(0);

    const screenshot = testInfo.outputPath('board-live-issues.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('board with live issues', {
      path: screenshot,
      contentType: 'image/png',
    });
  });

  test('the entity tab shows outside contributions, unknown authors and the first response', async ({
    page,
  }, testInfo) => {
    const contributions = page.getByRole('region', { name: 'Contributions' });
    await openWhenRead(
      page,
      '/catalog/default/component/payments-gateway/innersource',
      contributions.getByText(/from other teams/i).first(),
    );
    await expect(contributions).toContainText(
      /3 of 5 merged pull requests came from other teams, 60%/,
    );
    const teams = contributions.getByRole('list', {
      name: 'Contributing teams',
    });
    await expect(teams.getByRole('listitem')).toHaveCount(2);
    await expect(teams).toContainText('2 merged');
    await expect(contributions).toContainText('mkowalski-contractor');
    await expect(contributions).toContainText('github.com/user-login');
    await expect(contributions).toContainText(
      /Median 6 hours over 4 outside contributions; within the promised 2d/,
    );
    await expect(
      page.getByRole('heading', { name: 'Gold (held)' }),
    ).toBeVisible();

    const screenshot = testInfo.outputPath('entity-contributions.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('contributions of payments-gateway', {
      path: screenshot,
      contentType: 'image/png',
    });
  });

  test('a rate-limited repository keeps its scorecard below the level it cannot prove, and says why', async ({
    page,
  }) => {
    const contributions = page.getByRole('region', { name: 'Contributions' });
    await openWhenRead(
      page,
      '/catalog/default/component/reporting-dashboards/innersource',
      contributions.getByRole('alert'),
    );
    await expect(contributions.getByRole('alert')).toContainText(
      /GitHub answered 403 \(rate limit\)/,
    );
    await expect(page.getByRole('heading', { name: /\(held\)/ })).toHaveCount(
      0,
    );
  });

  test('the Scorecards tab shows who contributes to whom across teams', async ({
    page,
  }, testInfo) => {
    const pairs = page.getByRole('table', { name: 'Who contributes to whom' });
    await openWhenRead(page, '/innersource/scorecards', pairs);
    const identityToPayments = pairs
      .getByRole('row')
      .filter({ hasText: 'identity' })
      .filter({ hasText: 'payments' });
    await expect(identityToPayments.first()).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Cross-team work' }),
    ).toContainText(
      /% of \d+ merged pull and merge requests came from another team/,
    );
    await expect(page.getByRole('table', { name: 'Teams' })).toContainText(
      'Contributions received from other teams',
    );

    const screenshot = testInfo.outputPath('scorecards-cross-team.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('cross-team work', {
      path: screenshot,
      contentType: 'image/png',
    });
  });
});
