import {
  CodeHostAuthorIdentity,
  CodeHostPullRequest,
  RepositoryFacts,
} from './types';
import {
  isOutsideAuthor,
  issuesWithLabels,
  scorecardCodeHostFacts,
  summarizeContributions,
} from './contributions';
import { codeHostRepositoryKey } from './repositoryKey';

const NOW = new Date('2030-06-15T12:00:00Z');
const OWNERS = new Set([
  'group:default/payments',
  'group:default/payments-ops',
]);

const DIRECTORY: Record<string, CodeHostAuthorIdentity> = {
  jane: {
    kind: 'user',
    userRef: 'user:default/jane',
    groups: ['group:default/payments'],
  },
  omar: {
    kind: 'user',
    userRef: 'user:default/omar',
    groups: ['group:default/checkout'],
  },
  li: {
    kind: 'user',
    userRef: 'user:default/li',
    groups: ['group:default/search', 'group:default/checkout'],
  },
  ops: {
    kind: 'user',
    userRef: 'user:default/ops',
    groups: ['Group:default/Payments-Ops'],
  },
};
const identify = (login: string): CodeHostAuthorIdentity =>
  DIRECTORY[login] ?? { kind: 'unknown' };

function daysAgo(days: number, hours = 0) {
  return new Date(NOW.getTime() - (days * 24 + hours) * 3600_000).toISOString();
}

let next = 1;
function pr(
  login: string | null,
  openedDaysAgo: number,
  extra: Partial<CodeHostPullRequest> & {
    merged?: boolean;
    bot?: boolean;
    responseHours?: number;
  } = {},
): CodeHostPullRequest {
  const { merged = true, bot = false, responseHours, ...rest } = extra;
  const createdAt = daysAgo(openedDaysAgo);
  const id = String(next++);
  return {
    id,
    url: `https://github.com/acme/payments/pull/${id}`,
    author: login === null ? null : { login, isBot: bot },
    createdAt,
    ...(merged ? { mergedAt: daysAgo(openedDaysAgo - 1) } : {}),
    ...(responseHours !== undefined
      ? {
          firstResponseAt: new Date(
            Date.parse(createdAt) + responseHours * 3600_000,
          ).toISOString(),
        }
      : {}),
    ...rest,
  };
}

function summarize(items: CodeHostPullRequest[], windowDays = 180) {
  return summarizeContributions({
    pullRequests: { windowDays, items, truncated: false },
    owningTeams: OWNERS,
    identify,
    now: NOW,
  });
}

describe('summarizeContributions', () => {
  it('counts merged contributions by outside, inside and unknown authors, and the ratio', () => {
    const summary = summarize([
      pr('omar', 10, { responseHours: 4 }),
      pr('li', 20, { responseHours: 10 }),
      pr('omar', 30, { responseHours: 30 }),
      pr('jane', 5),
      pr('stranger', 8),
    ]);
    expect(summary).toMatchObject({
      merged: 5,
      outside: 3,
      inside: 1,
      unknown: 1,
      unknownLogins: ['stranger'],
      crossTeamRatio: 3 / 5,
      medianFirstResponseHours: 10,
      responseSamples: 3,
      truncated: false,
    });
  });

  it('credits each outside contribution to one team, most first', () => {
    const summary = summarize([pr('omar', 1), pr('omar', 2), pr('li', 3)]);
    // li is in search and checkout; the first group in order gets the credit.
    expect(summary.contributingTeams).toEqual([
      { team: 'group:default/checkout', merged: 3 },
    ]);
  });

  it('counts child teams of the owner as inside, comparing refs ignoring case', () => {
    expect(summarize([pr('ops', 3)])).toMatchObject({ inside: 1, outside: 0 });
    expect(isOutsideAuthor(['Group:default/Payments'], OWNERS)).toBe(false);
    expect(isOutsideAuthor([], OWNERS)).toBe(true);
  });

  it('leaves bots, deleted accounts and pull requests older than the window out of every count', () => {
    const summary = summarize(
      [
        pr('dependabot[bot]', 2, { bot: true }),
        pr(null, 3),
        pr('omar', 40),
        pr('omar', 5),
      ],
      30,
    );
    expect(summary).toMatchObject({
      merged: 1,
      outside: 1,
      unknown: 0,
      windowDays: 30,
    });
  });

  it('counts an unanswered outside contribution with the time it has waited, never as fast', () => {
    const summary = summarize([
      pr('omar', 4, { merged: false }),
      pr('li', 1, { merged: false, responseHours: 2 }),
    ]);
    // Waits: 96 hours so far, and 2 hours; nothing merged yet.
    expect(summary).toMatchObject({
      merged: 0,
      crossTeamRatio: null,
      medianFirstResponseHours: 49,
      responseSamples: 2,
    });
  });

  it('has no median without outside contributions, and says when counts are lower bounds', () => {
    const summary = summarizeContributions({
      pullRequests: {
        windowDays: 180,
        items: [pr('jane', 3)],
        truncated: true,
      },
      owningTeams: OWNERS,
      identify,
      now: NOW,
    });
    expect(summary).toMatchObject({
      medianFirstResponseHours: null,
      responseSamples: 0,
      truncated: true,
    });
  });
});

const FACTS: RepositoryFacts = {
  repository: {
    provider: 'github',
    host: 'github.com',
    slug: 'acme/payments',
    url: 'https://github.com/acme/payments',
  },
  files: { readme: true, codeowners: false, contributing: true, license: true },
  lastCommitAt: daysAgo(2),
  issues: {
    labels: ['good first issue', 'help wanted'],
    openCount: 7,
    newest: [
      {
        title: 'Add Klarna',
        url: 'https://github.com/acme/payments/issues/3',
        labels: ['Good First Issue'],
        createdAt: daysAgo(1),
      },
      {
        title: 'Docs',
        url: 'https://github.com/acme/payments/issues/2',
        labels: ['help wanted', 'docs'],
        createdAt: daysAgo(3),
      },
    ],
  },
};

describe('issuesWithLabels', () => {
  it("uses the host's count when the facts were read for the same labels", () => {
    expect(
      issuesWithLabels(FACTS.issues!, ['Help Wanted', 'good first issue'])
        .openCount,
    ).toBe(7);
  });

  it('counts from the issues read when the entity asks for other labels', () => {
    const docs = issuesWithLabels(FACTS.issues!, ['docs']);
    expect(docs.openCount).toBe(1);
    expect(docs.newest.map(i => i.title)).toEqual(['Docs']);
    expect(issuesWithLabels(FACTS.issues!, ['security']).openCount).toBe(0);
  });
});

describe('scorecardCodeHostFacts', () => {
  it('passes on what was read and leaves out what was not', () => {
    const facts = scorecardCodeHostFacts(
      { repository: FACTS.repository, files: { readme: true } },
      { issueLabels: ['good first issue'], readAt: NOW.toISOString() },
    );
    expect(facts).toEqual({
      readAt: NOW.toISOString(),
      repositoryUrl: 'https://github.com/acme/payments',
      hasReadme: true,
    });
  });

  it('gives the checks every fact, with the contributions and an empty repository', () => {
    const contributions = summarize([
      pr('omar', 3, { responseHours: 5 }),
      pr('stranger', 4),
    ]);
    expect(
      scorecardCodeHostFacts(
        { ...FACTS, lastCommitAt: null },
        {
          issueLabels: ['good first issue', 'help wanted'],
          contributions,
          readAt: NOW.toISOString(),
        },
      ),
    ).toEqual({
      readAt: NOW.toISOString(),
      repositoryUrl: 'https://github.com/acme/payments',
      hasReadme: true,
      hasCodeowners: false,
      hasContributingFile: true,
      hasLicenseFile: true,
      openGoodFirstIssues: 7,
      lastCommitAt: null,
      medianFirstResponseHours: 5,
      outsideContributions: 1,
      unknownContributions: 1,
      unknownAuthors: ['stranger'],
    });
  });
});

describe('codeHostRepositoryKey', () => {
  it('is the provider, host and slug in lower case', () => {
    expect(
      codeHostRepositoryKey({
        provider: 'github',
        host: 'GitHub.com',
        slug: 'Acme/Payments',
      }),
    ).toBe('github:github.com/acme/payments');
  });
});
