import { test, expect, Locator, Page } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

/*
 * Two demo components live on GitLab: the demo GitLab fixture (localhost:7010)
 * that the production GitLab module reads through integrations.gitlab, next to
 * the GitHub ones on the demo GitHub fixture (localhost:7008). What is checked
 * below is what that module read, stored and scored; the numbers follow from
 * packages/gitlab-fixture/src/demoSeed.ts.
 */

/** Opens a page, reloading until `ready` shows: facts arrive with the first code-host cycle. */
async function openWhenRead(page: Page, path: string, ready: Locator) {
  await expect(async () => {
    await page.goto(path);
    await expect(ready).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
}

test.describe('code-host facts from the demo GitLab fixture', () => {
  test.beforeEach(async ({ page }) => signInAsGuest(page));

  test('the board lists a GitLab project’s live issues next to a GitHub repository’s', async ({
    page,
  }, testInfo) => {
    const gitlabIssues = page.getByRole('region', {
      name: 'Good-first issues of Design System',
    });
    await openWhenRead(page, '/innersource?sort=most-issues', gitlabIssues);
    // Asked once per label (GitLab's labels=a,b means both), an issue with both counts once.
    await expect(gitlabIssues).toContainText('4 open good-first issues');
    const link = gitlabIssues
      .getByRole('list', { name: 'Newest good-first issues' })
      .getByRole('link', {
        name: 'Link every component page to its Figma frame',
      });
    await expect(link).toHaveAttribute(
      'href',
      'http://localhost:7010/acme/mobile/design-system/-/issues/20',
    );
    const issuePage = await page.request.get(
      (await link.getAttribute('href'))!,
    );
    expect(issuePage.status()).toBe(200);
    expect(await issuePage.text()).toContain(
      'Link every component page to its Figma frame',
    );

    const githubIssues = page.getByRole('region', {
      name: 'Good-first issues of Payments Gateway',
    });
    await expect(githubIssues).toBeVisible();
    await expect(
      githubIssues.getByRole('link', {
        name: 'Capture retry test is flaky on CI',
      }),
    ).toHaveAttribute(
      'href',
      'http://localhost:7008/acme/payments-gateway/issues/18',
    );

    const screenshot = testInfo.outputPath('board-gitlab-and-github.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('board with GitLab and GitHub issues', {
      path: screenshot,
      contentType: 'image/png',
    });
  });

  test('the entity tab shows merge requests from other teams, with the GitLab project linked', async ({
    page,
  }, testInfo) => {
    const contributions = page.getByRole('region', { name: 'Contributions' });
    await openWhenRead(
      page,
      '/catalog/default/component/design-system/innersource',
      contributions.getByText(/from other teams/i).first(),
    );
    // Bots' merge requests (a project access token's) never count.
    await expect(contributions).toContainText(
      /3 of 6 merged merge requests came from other teams, 50%/,
    );
    await expect(
      contributions.getByRole('link', { name: 'acme/mobile/design-system' }),
    ).toHaveAttribute(
      'href',
      'http://localhost:7010/acme/mobile/design-system',
    );
    const teams = contributions.getByRole('list', {
      name: 'Contributing teams',
    });
    await expect(teams.getByRole('listitem')).toHaveCount(2);
    await expect(teams).toContainText('2 merged');
    // An author without gitlab.com/user-login on any User is neither inside nor outside.
    await expect(contributions).toContainText('rgarcia-agency');
    await expect(contributions).toContainText('gitlab.com/user-login');
    // System notes and bot notes are not responses; a comment or an approval is.
    await expect(contributions).toContainText(
      /Median 5 hours over 3 outside contributions; within the promised 2d/,
    );
    await expect(
      page.getByRole('heading', { name: 'Silver (held)' }),
    ).toBeVisible();

    const screenshot = testInfo.outputPath('entity-gitlab-contributions.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('contributions of design-system', {
      path: screenshot,
      contentType: 'image/png',
    });
  });

  test('who contributes to whom includes pairs that only GitLab merge requests make', async ({
    page,
  }, testInfo) => {
    const pairs = page.getByRole('table', { name: 'Who contributes to whom' });
    await openWhenRead(page, '/innersource/scorecards', pairs);
    // Search & Discovery and Data & Insights contribute to Mobile Apps only on
    // GitLab (design-system), Developer Platform to Data & Insights only on GitLab
    // (data-pipelines); Identity to Payments only on GitHub (payments-gateway).
    // A row reads "from, to, merged".
    const pair = (from: string, to: string, merged: number) =>
      pairs
        .getByRole('row')
        .filter({ hasText: new RegExp(`^${from}\\s*${to}\\s*${merged}$`) });
    await expect(pair('Search & Discovery', 'Mobile Apps', 2)).toHaveCount(1);
    await expect(pair('Data & Insights', 'Mobile Apps', 1)).toHaveCount(1);
    await expect(pair('Developer Platform', 'Data & Insights', 1)).toHaveCount(
      1,
    );
    await expect(pair('Identity', 'Payments', 2)).toHaveCount(1);

    const screenshot = testInfo.outputPath('scorecards-gitlab-pairs.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('cross-team pairs with GitLab', {
      path: screenshot,
      contentType: 'image/png',
    });
  });
});
