import { component } from '../scorecards/__testUtils__/entities';
import {
  TEST_SLUG_ANNOTATION,
  TestCodeHostProvider,
  testRepository,
} from './__testUtils__/testProvider';
import { CodeHostProviders, CycleBudget } from './CodeHostProviders';

const entity = (slug: string) =>
  component('gateway', { annotations: { [TEST_SLUG_ANNOTATION]: slug } });

describe('CodeHostProviders', () => {
  it('refuses two providers with one id, naming it', () => {
    expect(() =>
      CodeHostProviders.of([
        new TestCodeHostProvider('github'),
        new TestCodeHostProvider('github'),
      ]),
    ).toThrow(
      'Two code-host providers have the id "github": install each code-host module (e.g. @innersource/backstage-plugin-innersource-backend-module-github) only once',
    );
  });

  it('lets the first provider that answers serve the entity', () => {
    const first = new TestCodeHostProvider('first');
    const second = new TestCodeHostProvider('second');
    const providers = CodeHostProviders.of([first, second]);

    expect(providers.locate(entity('acme/gateway'))).toEqual({
      provider: first,
      repository: testRepository('acme/gateway', 'first'),
      key: 'first:code.example.com/acme/gateway',
    });
    expect(providers.locate(entity('gateway'))).toEqual({
      provider: first,
      unavailable:
        'test.example/project-slug "gateway" is not "owner/name"; write e.g. "acme/payments-gateway"',
    });
  });

  it('passes over a provider that throws, and says when none knows the entity', () => {
    const throwing = new TestCodeHostProvider('throwing');
    throwing.locate = () => {
      throw new Error('bug');
    };
    const providers = CodeHostProviders.of([
      throwing,
      new TestCodeHostProvider('test'),
    ]);
    expect(providers.locate(entity('acme/gateway'))).toMatchObject({
      key: 'test:code.example.com/acme/gateway',
    });
    expect(providers.locate(component('elsewhere'))).toEqual({
      unavailable: expect.stringContaining(
        "no installed code-host provider (throwing, test) knows where this entity's repository is",
      ),
    });
  });
});

describe('CycleBudget', () => {
  it('gives units until they run out, never more than are left', () => {
    const budget = new CycleBudget(3);
    expect(budget.take(2)).toBe(true);
    expect(budget.take(2)).toBe(false);
    expect(budget.remaining()).toBe(1);
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
    expect(budget.remaining()).toBe(0);
  });
});
