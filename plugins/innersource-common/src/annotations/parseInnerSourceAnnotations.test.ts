/* eslint-disable no-script-url -- script URLs are input these tests must reject */
import { Entity } from '@backstage/catalog-model';
import { parseInnerSourceAnnotations } from './parseInnerSourceAnnotations';
import { formatAnnotationProblem } from './problems';
import { AnnotationProblem, DEFAULT_ISSUE_LABELS } from './types';

const NOW = new Date('2030-06-15T12:00:00Z');

function entityWith(
  annotations: Record<string, unknown>,
  namespace?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-gateway',
      ...(namespace ? { namespace } : {}),
      annotations: annotations as Record<string, string>,
    },
    spec: { type: 'service', owner: 'group:payments', lifecycle: 'production' },
  };
}

function parse(annotations: Record<string, unknown>, namespace?: string) {
  return parseInnerSourceAnnotations(entityWith(annotations, namespace), {
    now: NOW,
  });
}

/** The problems as the one-line text every surface shows, with the severity. */
function lines(problems: AnnotationProblem[]) {
  return problems.map(p => `${p.severity} ${formatAnnotationProblem(p)}`);
}

function parseOne(key: string, value: unknown) {
  const { profile, problems } = parse({ [`innersource/${key}`]: value });
  return { profile, problems: lines(problems) };
}

describe('parseInnerSourceAnnotations', () => {
  describe('an entity without innersource annotations', () => {
    it('has no annotations, no problems and the default profile', () => {
      const result = parse({ 'backstage.io/techdocs-ref': 'dir:.' });
      expect(result).toEqual({
        hasAnnotations: false,
        problems: [],
        profile: {
          contributionsWanted: false,
          asks: [],
          asksExpired: false,
          skills: [],
          contributionTypes: [],
          issueLabels: DEFAULT_ISSUE_LABELS,
          trustedCommitters: [],
          exemptions: [],
        },
      });
    });

    it('tolerates entities without metadata or annotations', () => {
      for (const entity of [
        {},
        { metadata: null },
        { metadata: { annotations: 'x' } },
        { metadata: { annotations: ['innersource/skills'] } },
        null,
        'not an entity',
      ]) {
        expect(
          parseInnerSourceAnnotations(entity as unknown as Entity),
        ).toMatchObject({ hasAnnotations: false, problems: [] });
      }
    });
  });

  it('reads a complete, well-formed set of annotations without problems', () => {
    const result = parse({
      'innersource/contributions-wanted': 'true',
      'innersource/help-wanted':
        '[code] Add Klarna as a payment provider\n[docs] Write a Kotlin quickstart\n',
      'innersource/help-wanted-until': '2035-12-31',
      'innersource/skills': 'kotlin, java, spring-boot',
      'innersource/contribution-types': 'code, docs, tests',
      'innersource/issue-labels': 'good first issue, help wanted, schema',
      'innersource/contributing': 'CONTRIBUTING.md',
      'innersource/chat': '#payments-dev',
      'innersource/trusted-committers': 'user:jane-doe, group:payments',
      'innersource/response-time': '2d',
      'innersource/warranty': '30d',
      'innersource/license': 'internal',
      'innersource/scorecard-exempt': 'codeowners: two maintainers review all',
    });
    expect(result.problems).toEqual([]);
    expect(result.hasAnnotations).toBe(true);
    expect(result.profile).toEqual({
      contributionsWanted: true,
      asks: [
        { type: 'code', text: 'Add Klarna as a payment provider' },
        { type: 'docs', text: 'Write a Kotlin quickstart' },
      ],
      asksValidUntil: '2035-12-31',
      asksExpired: false,
      skills: ['kotlin', 'java', 'spring-boot'],
      contributionTypes: ['code', 'docs', 'tests'],
      issueLabels: ['good first issue', 'help wanted', 'schema'],
      contributing: { type: 'repo-path', path: 'CONTRIBUTING.md' },
      chat: { type: 'channel', name: '#payments-dev' },
      trustedCommitters: ['user:default/jane-doe', 'group:default/payments'],
      responseTime: { text: '2d', hours: 48 },
      warranty: { text: '30d', hours: 720 },
      license: { type: 'internal' },
      exemptions: [
        { checkId: 'codeowners', reason: 'two maintainers review all' },
      ],
    });
  });

  it('names every problem with its annotation, a severity, a message and a fix', () => {
    const { problems } = parse({
      'innersource/response-time': 'two days',
    });
    expect(problems).toEqual([
      {
        annotation: 'innersource/response-time',
        severity: 'error',
        message: '"two days" is not a duration',
        fix: 'use e.g. "2d" or "48h"',
      },
    ]);
    expect(formatAnnotationProblem(problems[0])).toBe(
      'innersource/response-time: "two days" is not a duration; use e.g. "2d" or "48h"',
    );
  });

  it('reports problems in the order the annotations are written', () => {
    const { problems } = parse({
      'innersource/warranty': 'forever',
      'innersource/chat': 'javascript:alert(1)',
      'innersource/contributions-wanted': 'maybe',
    });
    expect(problems.map(p => p.annotation)).toEqual([
      'innersource/warranty',
      'innersource/chat',
      'innersource/contributions-wanted',
    ]);
  });

  describe('values that are not strings', () => {
    it.each([
      [30, '30 is a number, not a string'],
      [true, 'true is a boolean, not a string'],
      [['a', 'b'], 'is a list, not a string'],
      [{ a: 1 }, 'is a mapping, not a string'],
      [null, 'has no value'],
    ])('reports %j as an error with a quoted example', (value, message) => {
      const { profile, problems } = parseOne('warranty', value);
      expect(problems).toEqual([
        expect.stringContaining(`error innersource/warranty: ${message}`),
      ]);
      expect(problems[0]).toContain(
        "write the value as a quoted string, e.g. innersource/warranty: '30d'",
      );
      expect(profile.warranty).toBeUndefined();
    });

    it('does not count an unquoted true as contributions wanted', () => {
      const { profile, problems } = parseOne('contributions-wanted', true);
      expect(profile.contributionsWanted).toBe(false);
      expect(problems).toHaveLength(1);
    });
  });

  it('warns about an empty value and ignores it', () => {
    const { profile, problems } = parseOne('issue-labels', '  ');
    expect(problems).toEqual([
      "warning innersource/issue-labels: is empty; give a value, e.g. innersource/issue-labels: 'good first issue, help wanted', or remove the annotation",
    ]);
    expect(profile.issueLabels).toEqual(DEFAULT_ISSUE_LABELS);
  });

  describe('innersource/contributions-wanted', () => {
    it.each([
      ['true', true],
      ['false', false],
      [' TRUE ', true],
      ['False', false],
    ])('reads %j as %s', (value, expected) => {
      expect(parseOne('contributions-wanted', value)).toEqual({
        profile: expect.objectContaining({ contributionsWanted: expected }),
        problems: [],
      });
    });

    it.each(['yes', 'no', '1', 'on', 'truee'])(
      'rejects %j with the fix',
      value => {
        const { profile, problems } = parseOne('contributions-wanted', value);
        expect(problems).toEqual([
          `error innersource/contributions-wanted: "${value}" is neither true nor false; use 'true' or 'false' (quoted, so that YAML keeps it a string)`,
        ]);
        expect(profile.contributionsWanted).toBe(false);
      },
    );
  });

  describe('innersource/help-wanted', () => {
    it('reads one ask per line, with or without a type', () => {
      const { profile, problems } = parseOne(
        'help-wanted',
        '[code] Add AVIF output\nDocument the CDN cache rules\r\n\n  [DOCS]   Write a quickstart  ',
      );
      expect(problems).toEqual([]);
      expect(profile.asks).toEqual([
        { type: 'code', text: 'Add AVIF output' },
        { text: 'Document the CDN cache rules' },
        { type: 'docs', text: 'Write a quickstart' },
      ]);
    });

    it('reads asks separated by semicolons and drops empty ones', () => {
      const { profile, problems } = parseOne(
        'help-wanted',
        'Port the job to coroutines; ; [tests] Add property tests;',
      );
      expect(problems).toEqual([]);
      expect(profile.asks).toEqual([
        { text: 'Port the job to coroutines' },
        { type: 'tests', text: 'Add property tests' },
      ]);
    });

    it('drops list bullets and collapses whitespace', () => {
      const { profile } = parseOne(
        'help-wanted',
        '- [review] Review\tthe   audit\n* Triage bugs',
      );
      expect(profile.asks).toEqual([
        { type: 'review', text: 'Review the audit' },
        { text: 'Triage bugs' },
      ]);
    });

    it('keeps an ask with an unknown type, without the type, and names the allowed types', () => {
      const { profile, problems } = parseOne(
        'help-wanted',
        '[painting] Draw a new logo\n[doc] Write a guide',
      );
      expect(profile.asks).toEqual([
        { text: 'Draw a new logo' },
        { text: 'Write a guide' },
      ]);
      expect(problems).toEqual([
        'error innersource/help-wanted: "[painting]" is not a contribution type; use one of code, docs, tests, design, review, triage, ops',
        'error innersource/help-wanted: "[doc]" is not a contribution type; did you mean [docs]? Allowed are code, docs, tests, design, review, triage, ops',
      ]);
    });

    it('warns about an ask that is only a type', () => {
      const { profile, problems } = parseOne('help-wanted', '[docs]');
      expect(profile.asks).toEqual([]);
      expect(problems).toEqual([
        expect.stringMatching(
          /^warning innersource\/help-wanted: the ask "\[docs\]" has no text/,
        ),
      ]);
    });

    it('cuts asks longer than 500 characters, with a warning', () => {
      const { profile, problems } = parseOne('help-wanted', 'x'.repeat(600));
      expect(Array.from(profile.asks[0].text)).toHaveLength(500);
      expect(profile.asks[0].text.endsWith('…')).toBe(true);
      expect(problems).toEqual([
        expect.stringContaining('is longer than 500 characters and is cut'),
      ]);
    });

    it('keeps the first 50 asks, with a warning', () => {
      const asks = Array.from({ length: 60 }, (_, i) => `Ask ${i}`);
      const { profile, problems } = parseOne('help-wanted', asks.join('\n'));
      expect(profile.asks).toHaveLength(50);
      expect(profile.asks[49].text).toBe('Ask 49');
      expect(problems).toEqual([
        expect.stringContaining(
          'has 60 asks, of which only the first 50 are shown',
        ),
      ]);
    });

    it('drops control characters from ask text', () => {
      const { profile } = parseOne('help-wanted', 'Fix\u0007 the\u0000 bell');
      expect(profile.asks).toEqual([{ text: 'Fix the bell' }]);
    });
  });

  describe('innersource/help-wanted-until', () => {
    it('keeps asks valid through the given day', () => {
      const { profile, problems } = parseOne('help-wanted-until', '2035-12-31');
      expect(problems).toEqual([]);
      expect(profile).toMatchObject({
        asksValidUntil: '2035-12-31',
        asksExpired: false,
      });
    });

    it('hides asks after help-wanted-until, with a warning', () => {
      const { profile, problems } = parseOne('help-wanted-until', '2030-06-14');
      expect(profile).toMatchObject({
        asksValidUntil: '2030-06-14',
        asksExpired: true,
      });
      expect(problems).toEqual([
        'warning innersource/help-wanted-until: the asks expired on 2030-06-14; update innersource/help-wanted-until to a future date, or remove the asks that are done',
      ]);
    });

    it('judges the day in UTC, whatever the time of day', () => {
      const lateEvening = new Date('2030-06-15T23:59:59Z');
      const early = new Date('2030-06-15T00:00:00Z');
      for (const now of [lateEvening, early]) {
        const result = parseInnerSourceAnnotations(
          entityWith({ 'innersource/help-wanted-until': '2030-06-15' }),
          { now },
        );
        expect(result.profile.asksExpired).toBe(false);
        expect(lines(result.problems)).toEqual([
          expect.stringContaining('the asks expire on 2030-06-15 (today)'),
        ]);
      }
    });

    it('warns 14 days ahead that asks expire soon, and not 15 days ahead', () => {
      expect(parseOne('help-wanted-until', '2030-06-29').problems).toEqual([
        'warning innersource/help-wanted-until: the asks expire on 2030-06-29 (in 14 days); move innersource/help-wanted-until forward if the asks are still open',
      ]);
      expect(parseOne('help-wanted-until', '2030-06-16').problems).toEqual([
        expect.stringContaining('(in 1 day)'),
      ]);
      expect(parseOne('help-wanted-until', '2030-06-30').problems).toEqual([]);
    });

    it.each([
      ['next friday', 'is not a date; use an ISO date YYYY-MM-DD'],
      ['2035-1-31', 'is not a date'],
      ['31.12.2035', 'is not a date'],
      ['2035-12-31T00:00:00Z', 'is not a date'],
      [
        '2025-02-30',
        'is not a calendar date; use a day that exists, e.g. "2025-02-28"',
      ],
      [
        '2024-02-30',
        'is not a calendar date; use a day that exists, e.g. "2024-02-29"',
      ],
      ['2035-13-01', 'is not a calendar date; use a month from 01 to 12'],
      [
        '2035-04-31',
        'is not a calendar date; use a day that exists, e.g. "2035-04-30"',
      ],
    ])('rejects %j', (value, expected) => {
      const { profile, problems } = parseOne('help-wanted-until', value);
      expect(problems).toEqual([
        expect.stringContaining(
          `error innersource/help-wanted-until: "${value}" ${expected}`,
        ),
      ]);
      expect(profile.asksValidUntil).toBeUndefined();
      expect(profile.asksExpired).toBe(false);
    });

    it('accepts 29 February in a leap year', () => {
      expect(parseOne('help-wanted-until', '2036-02-29').problems).toEqual([]);
    });
  });

  describe.each(['skills', 'issue-labels'])('innersource/%s', key => {
    it('reads a comma list: trimmed, deduplicated ignoring case, empties dropped', () => {
      const { profile, problems } = parseOne(
        key,
        ' kotlin, Java ,, java,KOTLIN , spring boot,',
      );
      expect(problems).toEqual([]);
      const list = key === 'skills' ? profile.skills : profile.issueLabels;
      expect(list).toEqual(['kotlin', 'Java', 'spring boot']);
    });

    it('reads one item per line too, as in a YAML block', () => {
      const { profile, problems } = parseOne(
        key,
        'kotlin\r\nspring boot,  java\n\n  react native\n',
      );
      expect(problems).toEqual([]);
      const list = key === 'skills' ? profile.skills : profile.issueLabels;
      expect(list).toEqual(['kotlin', 'spring boot', 'java', 'react native']);
    });

    it('keeps the first 50 items, with a warning', () => {
      const items = Array.from({ length: 55 }, (_, i) => `item-${i}`);
      const { profile, problems } = parseOne(key, items.join(','));
      const list = key === 'skills' ? profile.skills : profile.issueLabels;
      expect(list).toHaveLength(50);
      expect(problems).toEqual([
        expect.stringContaining('lists 55 items, of which only the first 50'),
      ]);
    });
  });

  it('uses the default issue labels when none are given', () => {
    expect(parseOne('skills', 'go').profile.issueLabels).toEqual([
      'good first issue',
      'help wanted',
    ]);
    expect(parseOne('issue-labels', ', ,').profile.issueLabels).toEqual(
      DEFAULT_ISSUE_LABELS,
    );
  });

  describe('innersource/contribution-types', () => {
    it('reads known types in any case, once each', () => {
      const { profile, problems } = parseOne(
        'contribution-types',
        'code, Docs, TESTS, code, design, review, triage, ops',
      );
      expect(problems).toEqual([]);
      expect(profile.contributionTypes).toEqual([
        'code',
        'docs',
        'tests',
        'design',
        'review',
        'triage',
        'ops',
      ]);
    });

    it('reads one type per line too', () => {
      const { profile, problems } = parseOne(
        'contribution-types',
        'code\ndocs\n',
      );
      expect(problems).toEqual([]);
      expect(profile.contributionTypes).toEqual(['code', 'docs']);
    });

    it('reports each unknown type, suggesting a close one', () => {
      const { profile, problems } = parseOne(
        'contribution-types',
        'code, painting, doc, tets',
      );
      expect(profile.contributionTypes).toEqual(['code']);
      expect(problems).toEqual([
        'error innersource/contribution-types: "painting" is not a contribution type; use one of code, docs, tests, design, review, triage, ops',
        'error innersource/contribution-types: "doc" is not a contribution type; did you mean "docs"? Allowed are code, docs, tests, design, review, triage, ops',
        'error innersource/contribution-types: "tets" is not a contribution type; did you mean "tests"? Allowed are code, docs, tests, design, review, triage, ops',
      ]);
    });
  });

  describe('innersource/contributing', () => {
    it.each([
      [
        'https://docs.acme.example/contributing',
        { type: 'url', url: 'https://docs.acme.example/contributing' },
      ],
      ['HTTP://Example.com', { type: 'url', url: 'http://example.com/' }],
      ['CONTRIBUTING.md', { type: 'repo-path', path: 'CONTRIBUTING.md' }],
      [
        'docs/./guide/../contributing.md',
        { type: 'repo-path', path: 'docs/contributing.md' },
      ],
      ['docs/', { type: 'repo-path', path: 'docs/' }],
      [
        'docs/How to contribute.md',
        { type: 'repo-path', path: 'docs/How to contribute.md' },
      ],
    ])('reads %j', (value, expected) => {
      const { profile, problems } = parseOne('contributing', value);
      expect(problems).toEqual([]);
      expect(profile.contributing).toEqual(expected);
    });

    it.each([
      ['javascript:alert(document.cookie)', 'uses the "javascript:" scheme'],
      ['JavaScript:alert(1)', 'uses the "javascript:" scheme'],
      ['data:text/html,<script>alert(1)</script>', 'uses the "data:" scheme'],
      ['file:///etc/passwd', 'uses the "file:" scheme'],
      ['vbscript:msgbox', 'uses the "vbscript:" scheme'],
      ['mailto:team@acme.example', 'uses the "mailto:" scheme'],
      ['//evil.example/contributing', 'is a protocol-relative URL'],
      ['/CONTRIBUTING.md', 'is an absolute path'],
      ['../CONTRIBUTING.md', 'points outside the repository'],
      ['docs/../../secrets', 'points outside the repository'],
      ['docs\\CONTRIBUTING.md', 'contains backslashes or invisible characters'],
      ['docs/\u202eexe.md', 'contains backslashes or invisible characters'],
      ['java\nscript:alert(1)', 'contains backslashes or invisible characters'],
      ['https://exa mple.com', 'contains spaces or invisible characters'],
      ['https://', 'is not a valid URL'],
      [
        'https://trusted.example@evil.example/',
        'contains a user name or password',
      ],
      ['.', 'does not name a file'],
    ])('rejects %j and never returns it as a link', (value, message) => {
      const { profile, problems } = parseOne('contributing', value);
      expect(profile.contributing).toBeUndefined();
      expect(problems).toEqual([
        expect.stringMatching(/^error innersource\/contributing: /),
      ]);
      expect(problems[0]).toContain(message);
    });
    it('gives the fix that matches the mistake', () => {
      expect(
        parseOne('contributing', '//wiki.acme.example/x').problems,
      ).toEqual([
        'error innersource/contributing: "//wiki.acme.example/x" is a protocol-relative URL; write the scheme, e.g. "https://wiki.acme.example/x"',
      ]);
      expect(
        parseOne('contributing', 'https://docs.acme.example@evil.example/')
          .problems,
      ).toEqual([
        'error innersource/contributing: "https://docs.acme.example@evil.example/" contains a user name or password; remove the part up to and including "@" after the "//"',
      ]);
      expect(
        parseOne('contributing', '/docs/CONTRIBUTING.md').problems,
      ).toEqual([
        'error innersource/contributing: "/docs/CONTRIBUTING.md" is an absolute path; give the path relative to the repository root, e.g. "docs/CONTRIBUTING.md"',
      ]);
      expect(parseOne('contributing', '/').problems).toEqual([
        expect.stringMatching(
          /is an absolute path; use an https:\/\/ URL or a path inside the repository/,
        ),
      ]);
    });
  });

  describe('innersource/chat', () => {
    it.each([
      ['#payments-dev', { type: 'channel', name: '#payments-dev' }],
      ['#data_eng.alerts', { type: 'channel', name: '#data_eng.alerts' }],
      ['#équipe-paiements', { type: 'channel', name: '#équipe-paiements' }],
      [
        'https://chat.acme.example/channels/platform-help',
        {
          type: 'url',
          url: 'https://chat.acme.example/channels/platform-help',
        },
      ],
    ])('reads %j', (value, expected) => {
      const { profile, problems } = parseOne('chat', value);
      expect(problems).toEqual([]);
      expect(profile.chat).toEqual(expected);
    });

    it('suggests the "#" when a channel name lacks it', () => {
      expect(parseOne('chat', 'payments-dev').problems).toEqual([
        'error innersource/chat: "payments-dev" is missing the "#" of a channel name; use "#payments-dev" (quoted, as YAML reads # as a comment) or an https:// URL',
      ]);
    });

    it.each([
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      'slack://channel?team=T1&id=C1',
      '#',
      '#two words',
      '#<b>x</b>',
      `#${'a'.repeat(81)}`,
      '//chat.example/x',
    ])('rejects %j', value => {
      const { profile, problems } = parseOne('chat', value);
      expect(profile.chat).toBeUndefined();
      expect(problems).toEqual([
        expect.stringMatching(/^error innersource\/chat: /),
      ]);
    });
  });

  describe('innersource/trusted-committers', () => {
    it("reads user and group refs as full refs in the entity's namespace", () => {
      const { profile, problems } = parse(
        {
          'innersource/trusted-committers':
            'user:jane-doe, group:payments, User:Omar, group:default/platform, user:jane-doe',
        },
        'retail',
      );
      expect(problems).toEqual([]);
      expect(profile.trustedCommitters).toEqual([
        'user:retail/jane-doe',
        'group:retail/payments',
        'user:retail/omar',
        'group:default/platform',
      ]);
    });

    it('asks for the kind of a bare name', () => {
      const { profile, problems } = parseOne(
        'trusted-committers',
        'elena, @omar, user:nobody-here',
      );
      expect(profile.trustedCommitters).toEqual(['user:default/nobody-here']);
      expect(problems).toEqual([
        'error innersource/trusted-committers: "elena" does not say whether it is a user or a group; use "user:elena" or "group:elena"',
        'error innersource/trusted-committers: "@omar" does not say whether it is a user or a group; use "user:omar" or "group:omar"',
      ]);
    });

    it.each([
      [
        'component:payments-gateway',
        'refers to a "component" entity, not a user or group',
      ],
      ['user:', 'is not a valid entity ref'],
      ['user:jane doe', 'is not a valid entity ref'],
      ['group:Bad_NS/team', 'is not a valid entity ref'],
      ['user:<script>', 'is not a valid entity ref'],
    ])('rejects %j', (value, message) => {
      const { profile, problems } = parseOne('trusted-committers', value);
      expect(profile.trustedCommitters).toEqual([]);
      expect(problems).toEqual([
        expect.stringContaining(`"${value}" ${message}`),
      ]);
    });
  });

  describe.each([
    ['response-time', '"2d" or "48h"'],
    ['warranty', '"30d" or "4w"'],
  ])('innersource/%s', (key, example) => {
    it.each([
      ['2d', { text: '2d', hours: 48 }],
      ['48h', { text: '48h', hours: 48 }],
      ['4w', { text: '4w', hours: 672 }],
      [' 3D ', { text: '3d', hours: 72 }],
    ])('reads %j', (value, expected) => {
      const { profile, problems } = parseOne(key, value);
      expect(problems).toEqual([]);
      expect(
        key === 'warranty' ? profile.warranty : profile.responseTime,
      ).toEqual(expected);
    });

    it.each([
      ['two days', `is not a duration; use e.g. ${example}`],
      ['2 days', 'is not a duration; write it as "2d"'],
      ['48 hours', 'is not a duration; write it as "48h"'],
      ['30', 'has no unit; add h (hours), d (days) or w (weeks), e.g. "30d"'],
      ['0d', `is zero; use a positive duration, e.g. ${example}`],
      ['-2d', 'is not a duration'],
      ['1.5d', 'is not a duration'],
      ['2m', 'is not a duration'],
      ['99999w', 'is longer than ten years'],
      ['1'.repeat(400), 'has no unit'],
    ])('rejects %j', (value, message) => {
      const { profile, problems } = parseOne(key, value);
      expect(key === 'warranty' ? profile.warranty : profile.responseTime).toBe(
        undefined,
      );
      expect(problems).toEqual([expect.stringContaining(message)]);
      expect(problems[0]).toMatch(new RegExp(`^error innersource/${key}: `));
    });
  });

  it('gives the exact fix of the design for "two days"', () => {
    expect(parseOne('response-time', 'two days').problems).toEqual([
      'error innersource/response-time: "two days" is not a duration; use e.g. "2d" or "48h"',
    ]);
  });

  describe('innersource/license', () => {
    it.each([
      ['internal', { type: 'internal' }],
      ['Internal', { type: 'internal' }],
      ['Apache-2.0', { type: 'spdx', id: 'Apache-2.0' }],
      ['GPL-2.0+', { type: 'spdx', id: 'GPL-2.0+' }],
      [
        'LicenseRef-acme-inner-source',
        { type: 'spdx', id: 'LicenseRef-acme-inner-source' },
      ],
      [
        'https://acme.example/inner-source-license',
        { type: 'url', url: 'https://acme.example/inner-source-license' },
      ],
    ])('reads %j', (value, expected) => {
      const { profile, problems } = parseOne('license', value);
      expect(problems).toEqual([]);
      expect(profile.license).toEqual(expected);
    });

    it.each([
      '<b>proprietary</b>',
      'Apache 2.0',
      'MIT OR Apache-2.0',
      'javascript:alert(1)',
      '-MIT',
    ])('rejects %j', value => {
      const { profile, problems } = parseOne('license', value);
      expect(profile.license).toBeUndefined();
      expect(problems).toEqual([
        expect.stringMatching(
          /^error innersource\/license: .*; use "internal", an SPDX id such as "Apache-2.0", or an https:\/\/ URL of the license text$/,
        ),
      ]);
    });
  });

  describe('innersource/scorecard-exempt', () => {
    it('reads check-id: reason pairs', () => {
      const { profile, problems } = parseOne(
        'scorecard-exempt',
        'codeowners: two maintainers review everything; chat: we use the #payments mailing list: see README;',
      );
      expect(problems).toEqual([]);
      expect(profile.exemptions).toEqual([
        { checkId: 'codeowners', reason: 'two maintainers review everything' },
        {
          checkId: 'chat',
          reason: 'we use the #payments mailing list: see README',
        },
      ]);
    });

    it('rejects an exemption without a reason', () => {
      const { profile, problems } = parseOne(
        'scorecard-exempt',
        'codeowners; readme:   ; license: internal only',
      );
      expect(profile.exemptions).toEqual([
        { checkId: 'license', reason: 'internal only' },
      ]);
      expect(problems).toEqual([
        'error innersource/scorecard-exempt: the exemption from "codeowners" has no reason; write "codeowners: <why the check does not apply>" (exemptions always need a reason)',
        'error innersource/scorecard-exempt: the exemption from "readme" has no reason; write "readme: <why the check does not apply>" (exemptions always need a reason)',
      ]);
    });

    it('rejects a pair without a check id and warns about a check exempted twice', () => {
      const { profile, problems } = parseOne(
        'scorecard-exempt',
        ': no id; <b>: x; readme: a; readme: b',
      );
      expect(profile.exemptions).toEqual([{ checkId: 'readme', reason: 'a' }]);
      expect(problems).toEqual([
        expect.stringContaining('": no id" does not start with a check id'),
        expect.stringContaining('"<b>: x" does not start with a check id'),
        expect.stringMatching(/^warning .*"readme" is exempted more than once/),
      ]);
    });
  });

  describe('unknown innersource annotations', () => {
    it('warns with the closest known key', () => {
      expect(parseOne('skils', 'rust').problems).toEqual([
        'warning innersource/skils: unknown InnerSource annotation; did you mean innersource/skills?',
      ]);
      expect(parseOne('Contributions-Wanted', 'true').problems).toEqual([
        expect.stringContaining(
          'did you mean innersource/contributions-wanted?',
        ),
      ]);
      expect(parseOne('reponse-time', '2d').problems).toEqual([
        expect.stringContaining('did you mean innersource/response-time?'),
      ]);
    });

    it('does not suggest a key that is not close', () => {
      expect(parseOne('favourite-colour', 'blue').problems).toEqual([
        'warning innersource/favourite-colour: unknown InnerSource annotation; rename it to one of the documented innersource/* annotations, or remove it',
      ]);
    });

    it('escapes and cuts an unknown key that carries control characters', () => {
      const { problems } = parse({
        [`innersource/x\u202e\n${'y'.repeat(200)}`]: 'v',
      });
      expect(problems[0].annotation).not.toMatch(/[\u202e\n]/);
      expect(problems[0].annotation).toContain('\\u202e\\n');
      expect(problems[0].annotation.length).toBeLessThan(120);
    });

    it('counts as having innersource annotations', () => {
      expect(parse({ 'innersource/skils': 'go' }).hasAnnotations).toBe(true);
    });
  });

  describe('quoting of values in messages', () => {
    it('cuts long values to 80 characters', () => {
      const { problems } = parse({
        'innersource/license': `<${'a'.repeat(300)}>`,
      });
      expect(problems[0].message).toBe(
        `"<${'a'.repeat(79)}…" is not a license id or URL`,
      );
    });

    it('escapes control, bidi and quote characters', () => {
      const { problems } = parse({
        'innersource/response-time': 'two\ndays "\u202e\u0000"',
      });
      expect(problems[0].message).toBe(
        '"two\\ndays \\"\\u202e\\u0000\\"" is not a duration',
      );
    });
  });

  it('summarises an annotation with very many problems', () => {
    const types = Array.from({ length: 30 }, (_, i) => `kind${i}`);
    const { problems } = parseOne('contribution-types', types.join(','));
    expect(problems).toHaveLength(21);
    expect(problems[20]).toBe(
      'error innersource/contribution-types: has 10 more problems; fix the problems above, then run the check again',
    );
  });

  it('uses the current time when no valid `now` is given', () => {
    const entity = entityWith({
      'innersource/help-wanted-until': '2000-01-01',
    });
    expect(parseInnerSourceAnnotations(entity).profile.asksExpired).toBe(true);
    expect(
      parseInnerSourceAnnotations(entity, { now: new Date('nonsense') }).profile
        .asksExpired,
    ).toBe(true);
  });
});
