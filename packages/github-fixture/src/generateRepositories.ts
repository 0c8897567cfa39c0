import { FixtureSeedRepository } from './seed';

/**
 * `count` repositories for load runs (`yarn bench:codehost`), deterministic:
 * `bench/repo-00001` …, each with the usual files, a few labelled issues and
 * a few pull requests with responses, like a busy organisation's.
 */
export function generateRepositories(
  count: number,
  options: { owner?: string } = {},
): FixtureSeedRepository[] {
  const owner = options.owner ?? 'bench';
  const width = String(count).length;
  const logins = Array.from({ length: 50 }, (_, i) => `dev-${i + 1}`);
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const login = (k: number) => logins[(n * 7 + k * 13) % logins.length];
    const pullRequests = Array.from({ length: n % 4 }, (_unused, k) => ({
      number: 10 + k,
      title: `Change ${k + 1} to repo ${n}`,
      author: k === 2 ? 'dependabot[bot]' : login(k),
      openedDaysAgo: 2 + ((n + k * 11) % 80),
      comments: [{ author: login(k + 1), afterHours: 1 + ((n + k) % 30) }],
      reviews: [{ author: login(k + 2), afterHours: 2 + ((n + k) % 40) }],
      ...(k % 2 === 0 ? { mergedAfterHours: 24 + (n % 48) } : {}),
    }));
    return {
      owner,
      name: `repo-${String(n).padStart(width, '0')}`,
      id: 1_000_000 + n,
      description: `Generated repository ${n}`,
      pushedDaysAgo: 1 + (n % 200),
      files: {
        'README.md': `# repo ${n}\n`,
        ...(n % 3 ? { 'CONTRIBUTING.md': '# Contributing\n' } : {}),
        ...(n % 5 ? { '.github/CODEOWNERS': '* @bench/owners\n' } : {}),
        LICENSE: 'MIT License\n',
      },
      license: { spdxId: 'MIT', name: 'MIT License' },
      issues: Array.from({ length: n % 3 }, (_unused, k) => ({
        number: 1 + k,
        title: `Issue ${k + 1} of repo ${n}`,
        labels: [k === 0 ? 'good first issue' : 'help wanted'],
        openedDaysAgo: 1 + ((n + k) % 60),
      })),
      pullRequests,
    };
  });
}
