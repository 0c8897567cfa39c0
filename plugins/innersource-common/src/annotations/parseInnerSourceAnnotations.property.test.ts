/* eslint-disable no-script-url, no-control-regex -- script URLs and control characters are the hostile input these tests feed and look for */
import { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { parseInnerSourceAnnotations } from './parseInnerSourceAnnotations';
import {
  CONTRIBUTION_TYPES,
  INNERSOURCE_ANNOTATIONS,
  InnerSourceProfile,
  ParsedInnerSourceAnnotations,
} from './types';

const KNOWN_KEYS = Object.values(INNERSOURCE_ANNOTATIONS);
const NOW = new Date('2030-06-15T12:00:00Z');

// Characters that tend to break parsers, links and one-line messages.
const AWKWARD_CHARACTERS = [
  '\u0000',
  '\u0007',
  '\n',
  '\r',
  '\t',
  '\u0085',
  '\u2028',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '<',
  '>',
  '"',
  "'",
  '`',
  '\\',
  '/',
  ':',
  '#',
  '[',
  ']',
  ';',
  ',',
  '@',
  '.',
  '-',
  '%',
  ' ',
  'a',
  'd',
  'h',
  'w',
  '0',
  '2',
  'é',
  '𝕏',
  '\ud800',
];

const PREFIXES = [
  'javascript:',
  'JaVaScRiPt:',
  ' javascript:',
  'java\tscript:',
  'java\nscript:',
  'data:text/html,',
  'file:///',
  'vbscript:',
  'mailto:',
  '//',
  '\\\\',
  '/',
  '../',
  'http://',
  'https://',
  'https://user:pass@',
  'http:',
  '#',
  '[docs] ',
  '[',
  'user:',
  'group:',
  'component:',
  'codeowners:',
  '<script>',
];

/** Arbitrary annotation values: unicode, control and bidi characters, markup, near-misses, very long text. */
const annotationValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...AWKWARD_CHARACTERS), maxLength: 120 }),
  fc
    .tuple(
      fc.constantFrom(...PREFIXES),
      fc.string({
        unit: fc.constantFrom(...AWKWARD_CHARACTERS),
        maxLength: 60,
      }),
    )
    .map(([prefix, rest]) => prefix + rest),
  fc
    .tuple(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
      fc.integer({ min: 50, max: 3000 }),
    )
    .map(([chunk, times]) => chunk.repeat(times)),
);

/** Also values that are not strings, as YAML produces them. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: annotationValue },
  { weight: 1, arbitrary: fc.anything() },
);

const innerSourceKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...KNOWN_KEYS),
  fc
    .string({ unit: fc.constantFrom(...AWKWARD_CHARACTERS), maxLength: 30 })
    .map(s => `innersource/${s}`),
);

function entityWith(annotations: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'x',
      annotations: annotations as Record<string, string>,
    },
  };
}

const UNSAFE_IN_MESSAGE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

function isHttpUrl(url: string): boolean {
  return (
    /^https?:\/\//.test(url) &&
    ['http:', 'https:'].includes(new URL(url).protocol)
  );
}

/** Everything the UI could turn into a link is an http(s) URL or a safe repo path. */
function expectSafeLinks(profile: InnerSourceProfile) {
  for (const link of [profile.contributing, profile.chat, profile.license]) {
    if (link && 'url' in link) {
      expect(isHttpUrl(link.url)).toBe(true);
    }
  }
  if (profile.contributing?.type === 'repo-path') {
    const { path } = profile.contributing;
    expect(path).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
    expect(path).not.toMatch(/^\//);
    expect(path.split('/')).not.toContain('..');
    expect(path).not.toMatch(/[\\\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  }
  if (profile.chat?.type === 'channel') {
    expect(profile.chat.name).toMatch(/^#[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u);
  }
}

function expectWellFormedResult(
  result: ParsedInnerSourceAnnotations,
  keys: string[],
) {
  expect(result.hasAnnotations).toBe(keys.length > 0);
  for (const problem of result.problems) {
    expect(['error', 'warning']).toContain(problem.severity);
    expect(problem.annotation.startsWith('innersource/')).toBe(true);
    for (const text of [problem.message, problem.fix, problem.annotation]) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(UNSAFE_IN_MESSAGE);
      expect(text.length).toBeLessThan(1500);
    }
  }
  const { profile } = result;
  expectSafeLinks(profile);
  for (const ask of profile.asks) {
    expect(ask.text.length).toBeGreaterThan(0);
    expect(Array.from(ask.text).length).toBeLessThanOrEqual(500);
    expect(ask.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    if (ask.type) {
      expect(CONTRIBUTION_TYPES).toContain(ask.type);
    }
  }
  expect(profile.asks.length).toBeLessThanOrEqual(50);
  for (const ref of profile.trustedCommitters) {
    expect(ref).toMatch(/^(user|group):[a-z0-9-]+\/[a-z0-9][a-z0-9._-]*$/);
  }
}

describe('parseInnerSourceAnnotations with arbitrary input', () => {
  it.each(KNOWN_KEYS)(
    'never throws on %s and only ever hands out http(s) links',
    key => {
      fc.assert(
        fc.property(anyValue, value => {
          const result = parseInnerSourceAnnotations(
            entityWith({ [key]: value }),
            { now: NOW },
          );
          expectWellFormedResult(result, [key]);
          for (const problem of result.problems) {
            expect(problem.annotation).toBe(key);
          }
        }),
        { numRuns: 200 },
      );
    },
  );

  it('never throws on arbitrary sets of annotations, known and unknown', () => {
    fc.assert(
      fc.property(
        fc.dictionary(innerSourceKey, anyValue, { maxKeys: 8 }),
        annotations => {
          const result = parseInnerSourceAnnotations(entityWith(annotations), {
            now: NOW,
          });
          expectWellFormedResult(result, Object.keys(annotations));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never reports problems for entities without innersource annotations', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter(key => !key.startsWith('innersource/')),
          anyValue,
        ),
        annotations => {
          const result = parseInnerSourceAnnotations(entityWith(annotations));
          expect(result.problems).toEqual([]);
          expect(result.hasAnnotations).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary things passed as an entity', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.anything(), thing => {
          parseInnerSourceAnnotations(thing as Entity);
        }),
      ),
    ).not.toThrow();
  });

  it('reads every well-formed duration as the hours it stands for', () => {
    const hoursPer = { h: 1, d: 24, w: 168 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom<keyof typeof hoursPer>('h', 'd', 'w'),
        (amount, unit) => {
          const result = parseInnerSourceAnnotations(
            entityWith({ 'innersource/response-time': `${amount}${unit}` }),
          );
          expect(result.problems).toEqual([]);
          expect(result.profile.responseTime).toEqual({
            text: `${amount}${unit}`,
            hours: amount * hoursPer[unit],
          });
        },
      ),
    );
  });

  it('reads every real calendar date, and judges expiry by the UTC day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        date => {
          const day = date.toISOString().slice(0, 10);
          const result = parseInnerSourceAnnotations(
            entityWith({ 'innersource/help-wanted-until': day }),
            { now: NOW },
          );
          expect(result.problems.filter(p => p.severity === 'error')).toEqual(
            [],
          );
          expect(result.profile.asksValidUntil).toBe(day);
          expect(result.profile.asksExpired).toBe(
            day < NOW.toISOString().slice(0, 10),
          );
        },
      ),
    );
  });
});
