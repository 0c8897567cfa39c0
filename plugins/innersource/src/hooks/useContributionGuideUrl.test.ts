/* eslint-disable no-script-url -- script URLs are the hostile input under test */
import { Entity } from '@backstage/catalog-model';
import { ScmIntegrationsApi } from '@backstage/integration-react';
import { mockApis } from '@backstage/test-utils';
import { resolveContributionGuideUrl } from './useContributionGuideUrl';

function entityAt(sourceLocation?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'x',
      annotations: sourceLocation
        ? { 'backstage.io/source-location': sourceLocation }
        : {},
    },
  };
}

const scm = ScmIntegrationsApi.fromConfig(mockApis.config());
const github = entityAt('url:https://github.com/acme/repo/tree/main/');

describe.each([
  ['with SCM integrations', scm],
  ['without SCM integrations', undefined],
])('resolveContributionGuideUrl %s', (_, integrations) => {
  it('resolves a repo path against the source location', () => {
    expect(
      resolveContributionGuideUrl(
        github,
        { type: 'repo-path', path: 'docs/CONTRIBUTING.md' },
        integrations,
      ),
    ).toBe('https://github.com/acme/repo/tree/main/docs/CONTRIBUTING.md');
  });

  it('keeps http(s) URLs and drops anything else', () => {
    expect(
      resolveContributionGuideUrl(
        github,
        { type: 'url', url: 'https://docs.example/contributing' },
        integrations,
      ),
    ).toBe('https://docs.example/contributing');
    expect(
      resolveContributionGuideUrl(
        github,
        { type: 'url', url: 'javascript:alert(1)' },
        integrations,
      ),
    ).toBeUndefined();
  });

  it.each([
    ['no source location', entityAt()],
    ['a file source location', entityAt('file:/tmp/repo/')],
    ['a script source location', entityAt('url:javascript:alert(1)//')],
    ['a broken source location', entityAt('not a location')],
  ])('gives no link for %s', (__, entity) => {
    expect(
      resolveContributionGuideUrl(
        entity,
        { type: 'repo-path', path: 'CONTRIBUTING.md' },
        integrations,
      ),
    ).toBeUndefined();
  });

  it.each(['//evil.example/x', '../../../../evil'])(
    'keeps the repo path %s on the host of the repository',
    path => {
      const url = resolveContributionGuideUrl(
        github,
        { type: 'repo-path', path },
        integrations,
      );
      expect(url === undefined || new URL(url).host === 'github.com').toBe(
        true,
      );
    },
  );
});
