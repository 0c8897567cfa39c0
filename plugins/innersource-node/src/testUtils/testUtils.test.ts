import { countingBudget, codeHostReadRequest, nextCycleRequests } from '.';

describe('code-host provider test helpers', () => {
  it('counts what a budget gave and refuses what it has not got', () => {
    const budget = countingBudget(3);
    expect(budget.take(2)).toBe(true);
    expect(budget.take(2)).toBe(false);
    expect(budget.take()).toBe(true);
    expect(budget).toMatchObject({ spent: 3 });
    expect(budget.remaining()).toBe(0);
  });

  it('builds requests like the backend and carries a read into the next cycle', () => {
    const request = codeHostReadRequest({
      provider: 'gitlab',
      host: 'GitLab.example.com',
      slug: 'Acme/Ledger',
    });
    expect(request).toMatchObject({
      key: 'gitlab:gitlab.example.com/acme/ledger',
      repository: { url: 'https://GitLab.example.com/Acme/Ledger' },
    });
    const facts = { repository: request.repository };
    const [next] = nextCycleRequests(
      [request],
      new Map([[request.key, { outcome: 'read', facts, changeToken: 't1' }]]),
    );
    expect(next.previous).toMatchObject({
      changeToken: 't1',
      issueLabels: ['good first issue'],
      windowDays: 90,
    });
    expect(() =>
      nextCycleRequests(
        [request],
        new Map([[request.key, { outcome: 'unchanged' }]]),
      ),
    ).toThrow('not read');
  });
});
