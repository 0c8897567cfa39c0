import { wantedComponent } from '../__testUtils__/fixtures';
import { boardEntryFromEntity, boardSearchText } from './boardEntryFromEntity';

describe('boardEntryFromEntity', () => {
  it('keeps what the board shows of an entity that wants contributions', () => {
    const entity = wantedComponent('Payments-Gateway', {
      title: 'Payments Gateway',
      description: 'Takes card payments',
      tags: ['java', 'payments'],
      owner: 'payments',
      system: 'checkout',
      annotations: {
        'innersource/help-wanted':
          '[docs] Write a Kotlin quickstart\n[code] Add Klarna',
        'innersource/help-wanted-until': '2035-12-31',
        'innersource/skills': 'Kotlin, spring-boot',
        'innersource/contribution-types': 'code, docs',
        'innersource/trusted-committers': 'user:jane-doe, group:payments',
        'innersource/contributing': 'https://example.com/contributing',
        'innersource/chat': '#payments-dev',
        'innersource/response-time': '2d',
      },
    });

    expect(
      boardEntryFromEntity(entity, {
        domainOfSystem: ref =>
          ref === 'system:default/checkout'
            ? 'domain:default/commerce'
            : undefined,
      }),
    ).toEqual({
      entityRef: 'component:default/payments-gateway',
      kind: 'Component',
      namespace: 'default',
      name: 'Payments-Gateway',
      title: 'Payments Gateway',
      description: 'Takes card payments',
      owner: 'group:default/payments',
      system: 'system:default/checkout',
      domain: 'domain:default/commerce',
      tags: ['java', 'payments'],
      asks: [
        { type: 'docs', text: 'Write a Kotlin quickstart' },
        { type: 'code', text: 'Add Klarna' },
      ],
      asksValidUntil: '2035-12-31',
      skills: ['Kotlin', 'spring-boot'],
      contributionTypes: ['code', 'docs'],
      trustedCommitters: ['user:default/jane-doe', 'group:default/payments'],
      contributing: { type: 'url', url: 'https://example.com/contributing' },
      chat: { type: 'channel', name: '#payments-dev' },
      responseTime: { text: '2d', hours: 48 },
    });
  });

  it('leaves entities out that do not want contributions', () => {
    const closed = wantedComponent('closed', {
      annotations: { 'innersource/contributions-wanted': 'false' },
    });
    const malformed = wantedComponent('malformed', {
      annotations: { 'innersource/contributions-wanted': 'yes please' },
    });
    expect(boardEntryFromEntity(closed)).toBeUndefined();
    expect(boardEntryFromEntity(malformed)).toBeUndefined();
  });

  it('keeps expired asks, since expiry is judged when the board is read', () => {
    const entry = boardEntryFromEntity(
      wantedComponent('old', {
        annotations: {
          'innersource/help-wanted': 'Fix the build',
          'innersource/help-wanted-until': '2020-01-31',
        },
      }),
    );
    expect(entry).toMatchObject({
      asks: [{ text: 'Fix the build' }],
      asksValidUntil: '2020-01-31',
    });
  });

  it('leaves out values the parser rejects, and nothing else', () => {
    const entry = boardEntryFromEntity(
      wantedComponent('sloppy', {
        annotations: {
          'innersource/response-time': 'two days',
          'innersource/chat': 'data:text/html,hello',
          'innersource/contribution-types': 'code, cooking',
        },
      }),
    );
    expect(entry?.responseTime).toBeUndefined();
    expect(entry?.chat).toBeUndefined();
    expect(entry?.contributionTypes).toEqual(['code']);
  });

  it('resolves owner and system refs like the catalog does', () => {
    const entry = boardEntryFromEntity(
      wantedComponent('a', {
        namespace: 'shop',
        owner: 'user:jane',
        system: 'checkout',
      }),
    );
    expect(entry).toMatchObject({
      entityRef: 'component:shop/a',
      owner: 'user:shop/jane',
      system: 'system:shop/checkout',
    });
    expect(entry?.domain).toBeUndefined();
  });

  it('takes the domain of a System from its own spec', () => {
    const entry = boardEntryFromEntity({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'checkout',
        annotations: { 'innersource/contributions-wanted': 'true' },
      },
      spec: { owner: 'payments', domain: 'commerce' },
    });
    expect(entry).toMatchObject({
      system: undefined,
      domain: 'domain:default/commerce',
    });
  });

  describe('contribution guide given as a repository path', () => {
    const withSource = (sourceLocation: string | undefined) =>
      boardEntryFromEntity(
        wantedComponent('a', {
          annotations: {
            'innersource/contributing': 'docs/CONTRIBUTING.md',
            ...(sourceLocation
              ? { 'backstage.io/source-location': sourceLocation }
              : {}),
          },
        }),
      )?.contributing;

    it('becomes a link into the repository when the source location is an http(s) URL', () => {
      expect(
        withSource('url:https://github.com/acme/payments/tree/main/'),
      ).toEqual({
        type: 'url',
        url: 'https://github.com/acme/payments/tree/main/docs/CONTRIBUTING.md',
      });
      expect(withSource('url:https://github.com/acme/payments')).toEqual({
        type: 'url',
        url: 'https://github.com/acme/payments/docs/CONTRIBUTING.md',
      });
    });

    it('stays a path otherwise', () => {
      const path = { type: 'repo-path', path: 'docs/CONTRIBUTING.md' };
      expect(withSource(undefined)).toEqual(path);
      expect(withSource('url:file:///srv/payments/')).toEqual(path);
      expect(withSource('file:/srv/payments/')).toEqual(path);
      expect(
        withSource('url:https://dev.azure.com/acme/_git/payments?path=/'),
      ).toEqual(path);
    });
  });

  it('keeps the words of title, name, description and skills for search, in lower case', () => {
    const entry = boardEntryFromEntity(
      wantedComponent('gateway', {
        title: 'Payments Gateway',
        description: 'Takes CARD payments',
        annotations: {
          'innersource/skills': 'Kotlin',
          'innersource/help-wanted': 'Write docs',
        },
      }),
    )!;
    const text = boardSearchText(entry);
    expect(text).toBe('payments gateway gateway takes card payments kotlin');
  });
});
