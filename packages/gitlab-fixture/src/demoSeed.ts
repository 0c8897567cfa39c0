import { GitlabFixtureSeed, GitlabSeedProject } from './seed';

/*
 * The demo's GitLab projects, one per GitLab component of examples/*.yaml,
 * under the `acme` group. Usernames match the `gitlab.com/user-login`
 * annotations of examples/org.yaml, which differ from the same people's
 * GitHub logins for some (Jane Doe is `janedoe` on GitHub, `jane.doe` here):
 * the mapping is per host. `rgarcia-agency` matches no catalog user (an
 * unknown author); `project_12_bot_5c1e4f3a` and `group_27_bot_a1b2c3d4` are
 * the bot users of a project and a group access token.
 */

const README = (title: string) =>
  `# ${title}\n\nSee CONTRIBUTING for how to help.\n`;

const projects: GitlabSeedProject[] = [
  {
    path: 'acme/mobile/design-system',
    id: 12,
    description:
      'Colours, type, spacing and components shared by the iOS and Android apps.',
    committedDaysAgo: 1,
    files: {
      'README.md': README('Design System'),
      'CONTRIBUTING.md':
        '# Contributing\n\nOpen a merge request; a trusted committer answers within two days.\n',
      // GitLab looks for CODEOWNERS in the root, docs/ and .gitlab/.
      '.gitlab/CODEOWNERS': '* @acme/mobile\n',
      LICENSE: 'Acme Retail internal licence.\n',
      'tokens/colors.json': '{}\n',
    },
    license: { key: 'other', name: 'Other' },
    issues: [
      {
        iid: 14,
        title: 'Document the spacing scale',
        labels: ['good first issue', 'docs'],
        openedDaysAgo: 10,
        author: 'ytanaka',
      },
      {
        iid: 17,
        title: 'Icon button has no accessible name',
        labels: ['good first issue', 'accessibility'],
        openedDaysAgo: 3,
        author: 'fatima.zahra',
      },
      {
        iid: 19,
        title: 'Support Dynamic Type sizes in every text style',
        labels: ['help wanted'],
        openedDaysAgo: 6,
        author: 'ytanaka',
      },
      {
        // Both labels: GitLab's `labels=a,b` means both, so a client asking
        // per label sees it twice and must count it once.
        iid: 20,
        title: 'Link every component page to its Figma frame',
        labels: ['good first issue', 'help wanted'],
        openedDaysAgo: 1,
        author: 'fatima.zahra',
      },
      {
        iid: 21,
        title: 'Move to Swift 6 strict concurrency',
        labels: ['dependencies'],
        openedDaysAgo: 2,
        author: 'ytanaka',
      },
      {
        iid: 11,
        title: 'Button colours fail contrast in dark mode',
        labels: ['good first issue'],
        openedDaysAgo: 40,
        closed: true,
        author: 'ytanaka',
      },
    ],
    mergeRequests: [
      {
        iid: 40,
        title: 'Typography tokens for the new brand font',
        author: 'ytanaka',
        openedDaysAgo: 20,
        notes: [{ author: 'fatima.zahra', afterHours: 2, kind: 'approval' }],
        mergedAfterHours: 6,
      },
      {
        iid: 41,
        title: 'Tokens for the partner theme',
        author: 'elena.rossi',
        openedDaysAgo: 12,
        notes: [
          // The author's own push: a system note, never a response.
          {
            author: 'elena.rossi',
            afterHours: 0.2,
            kind: 'system',
            body: 'added 1 commit',
          },
          {
            author: 'ytanaka',
            afterHours: 5,
            body: 'Thanks! Could the partner colours live in their own file?',
          },
          { author: 'fatima.zahra', afterHours: 6, kind: 'approval' },
        ],
        mergedAfterHours: 24,
      },
      {
        iid: 42,
        title: 'Accessible focus ring on buttons',
        author: 'dalvarez',
        openedDaysAgo: 9,
        notes: [
          // A maintainer's system note (an edit) does not count; the approval does.
          {
            author: 'ytanaka',
            afterHours: 1,
            kind: 'system',
            body: 'changed the description',
          },
          { author: 'ytanaka', afterHours: 3, kind: 'approval' },
        ],
        mergedAfterHours: 8,
      },
      {
        iid: 43,
        title: 'Chart colours for the sales dashboards',
        author: 'amara.okafor',
        openedDaysAgo: 6,
        notes: [
          // A bot's note and the author's own note never count.
          {
            author: 'project_12_bot_5c1e4f3a',
            afterHours: 0.1,
            body: 'Visual diff: 3 components changed.',
          },
          { author: 'amara.okafor', afterHours: 1, body: 'Screenshots added.' },
          { author: 'fatima.zahra', afterHours: 10, body: 'Looks great.' },
        ],
        mergedAfterHours: 30,
      },
      {
        iid: 44,
        title: 'Dark-mode palette',
        author: 'fatima.zahra',
        openedDaysAgo: 4,
        mergedAfterHours: 5,
      },
      {
        iid: 45,
        title: 'Update dependency style-dictionary to v4',
        author: 'project_12_bot_5c1e4f3a',
        openedDaysAgo: 3,
        mergedAfterHours: 2,
      },
      {
        iid: 46,
        title: 'Right-to-left layout for the tab bar',
        author: 'rgarcia-agency',
        openedDaysAgo: 7,
        notes: [{ author: 'ytanaka', afterHours: 4, body: 'Nice catch.' }],
        mergedAfterHours: 20,
      },
      {
        iid: 47,
        title: 'Haptics tokens',
        author: 'ytanaka',
        openedDaysAgo: 2,
      },
    ],
  },
  {
    path: 'acme/data/pipelines',
    id: 34,
    // Moved from the analytics group: GitLab keeps a redirect route for the old path.
    previousPaths: ['acme/analytics/pipelines'],
    description:
      'Batch jobs that turn storefront events into warehouse tables.',
    committedDaysAgo: 2,
    // No CODEOWNERS: outside merge requests get no approvers automatically.
    files: {
      'README.md': README('Data Pipelines'),
      'docs/CONTRIBUTING.md': '# Contributing\n',
      LICENSE: 'MIT License\n',
    },
    license: { key: 'mit', name: 'MIT License' },
    issues: [
      {
        iid: 8,
        title: 'Backfill job for late events',
        labels: ['help wanted'],
        openedDaysAgo: 5,
        author: 'nbecker',
      },
      {
        iid: 9,
        title: 'Explain the partitioning scheme in the README',
        labels: ['good first issue'],
        openedDaysAgo: 2,
        author: 'amara.okafor',
      },
    ],
    mergeRequests: [
      {
        iid: 15,
        title: 'Run the nightly jobs from the shared CI template',
        author: 'kmensah',
        openedDaysAgo: 14,
        notes: [{ author: 'nbecker', afterHours: 7, kind: 'approval' }],
        mergedAfterHours: 12,
      },
      {
        iid: 16,
        title: 'Partition the orders table by day',
        author: 'amara.okafor',
        openedDaysAgo: 8,
        notes: [{ author: 'nbecker', afterHours: 3 }],
        mergedAfterHours: 9,
      },
      {
        iid: 17,
        title: 'Update dependency apache-airflow to v2.10',
        author: 'group_27_bot_a1b2c3d4',
        openedDaysAgo: 4,
        mergedAfterHours: 1,
      },
      {
        // A deleted account: GitLab shows the ghost user.
        iid: 12,
        title: 'Old export job',
        author: null,
        openedDaysAgo: 30,
        closed: true,
      },
    ],
  },
];

/** The demo fixture's projects (`innersource.demo.gitlabFixture.port`, 7010). */
export const demoSeed: GitlabFixtureSeed = { projects };
