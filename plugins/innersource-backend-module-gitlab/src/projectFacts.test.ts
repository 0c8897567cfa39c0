import {
  filesFromTrees,
  firstResponseAt,
  isGitlabBot,
  issuesFromLabels,
  spdxIdOfLicenseKey,
} from './projectFacts';

describe('isGitlabBot', () => {
  it('knows GitLab bot users, access-token bots, the ghost user and -bot names', () => {
    for (const username of [
      'project_42_bot_3f2a',
      'group_7_bot_a1b2',
      'ghost',
      'release-bot',
      'renovate[bot]',
    ]) {
      expect(isGitlabBot({ username })).toBe(true);
    }
    expect(isGitlabBot({ username: 'service-account', bot: true })).toBe(true);
    for (const username of ['jane', 'robotics', 'bot-lover', 'project_lead']) {
      expect(isGitlabBot({ username, bot: false })).toBe(false);
    }
  });
});

describe('firstResponseAt', () => {
  const jane = { username: 'jane' };
  it('skips system notes, bots and the author, and counts the approval note', () => {
    expect(
      firstResponseAt(jane, [
        { id: 1, author: jane, created_at: '2026-01-01T10:00:00Z' },
        {
          id: 2,
          author: { username: 'lee' },
          body: 'added 1 commit',
          system: true,
          created_at: '2026-01-01T11:00:00Z',
        },
        {
          id: 3,
          author: { username: 'project_9_bot_x' },
          created_at: '2026-01-01T12:00:00Z',
        },
        {
          id: 4,
          author: { username: 'lee' },
          body: 'approved this merge request',
          system: true,
          created_at: '2026-01-01T13:00:00Z',
        },
        {
          id: 5,
          author: { username: 'sam' },
          created_at: '2026-01-01T14:00:00Z',
        },
      ]),
    ).toBe('2026-01-01T13:00:00Z');
  });

  it('answers nothing while only the author, bots and GitLab spoke', () => {
    expect(
      firstResponseAt(jane, [
        {
          id: 1,
          author: { username: 'JANE' },
          created_at: '2026-01-01T10:00:00Z',
        },
        {
          id: 2,
          author: { username: 'sam' },
          body: 'mentioned in issue #4',
          system: true,
          created_at: '2026-01-01T11:00:00Z',
        },
        { id: 3, author: null, created_at: '2026-01-01T12:00:00Z' },
      ]),
    ).toBeUndefined();
  });
});

describe('filesFromTrees', () => {
  const blob = (name: string) => ({ name, type: 'blob' as const });
  it('looks for CODEOWNERS where GitLab does and CONTRIBUTING in the root or docs', () => {
    expect(
      filesFromTrees(
        {
          root: [blob('README.adoc'), { name: 'LICENSE', type: 'tree' }],
          docs: [blob('CONTRIBUTING.md')],
          gitlab: [blob('CODEOWNERS')],
        },
        false,
      ),
    ).toEqual({
      readme: true,
      contributing: true,
      codeowners: true,
      // A directory named LICENSE is not a license file.
      license: false,
    });
    expect(
      filesFromTrees(
        { root: [], docs: [], gitlab: [blob('CONTRIBUTING.md')] },
        true,
      ),
    ).toEqual({
      readme: false,
      contributing: false,
      codeowners: false,
      license: true,
    });
  });
});

describe('spdxIdOfLicenseKey', () => {
  it('spells GitLab license keys as SPDX ids and guesses none', () => {
    expect(spdxIdOfLicenseKey('apache-2.0')).toBe('Apache-2.0');
    expect(spdxIdOfLicenseKey('bsd-3-clause')).toBe('BSD-3-Clause');
    expect(spdxIdOfLicenseKey('mit')).toBe('MIT');
    expect(spdxIdOfLicenseKey('other')).toBeUndefined();
    expect(spdxIdOfLicenseKey(undefined)).toBeUndefined();
  });
});

describe('issuesFromLabels', () => {
  const issue = (iid: number) => ({
    iid,
    title: `Issue ${iid}`,
    web_url: `javascript:alert(${iid})`,
    labels: ['docs'],
    created_at: new Date(Date.UTC(2026, 0, iid)).toISOString(),
  });

  it('counts an issue with two of the labels once, and links only over http(s)', () => {
    const facts = issuesFromLabels(
      ['good first issue', 'docs'],
      [
        {
          label: 'good first issue',
          issues: [issue(1), issue(2)],
          total: 2,
          complete: true,
        },
        {
          label: 'docs',
          issues: [issue(2), issue(3)],
          total: 2,
          complete: true,
        },
      ],
      'https://gitlab.com/acme/app',
    );
    expect(facts.openCount).toBe(3);
    expect(facts.newest.map(i => i.url)).toEqual([
      'https://gitlab.com/acme/app/-/issues/3',
      'https://gitlab.com/acme/app/-/issues/2',
      'https://gitlab.com/acme/app/-/issues/1',
    ]);
  });

  it('claims no more than it saw when a label was not read to the end', () => {
    const facts = issuesFromLabels(
      ['a', 'b'],
      [
        {
          label: 'a',
          issues: [issue(1), issue(2)],
          total: 40,
          complete: false,
        },
        { label: 'b', issues: [issue(2)], total: 1, complete: true },
      ],
      'https://gitlab.com/acme/app',
    );
    // At least the 40 of label a; the sum, 41, could count an issue twice.
    expect(facts.openCount).toBe(40);
  });
});
