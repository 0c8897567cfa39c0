import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  BADGE_COLORS,
  BADGE_SVG_ATTRIBUTES,
  BADGE_SVG_ELEMENTS,
  BadgeColor,
  cleanBadgeText,
  MAX_BADGE_TEXT_LENGTH,
  renderBadgeSvg,
  textWidth,
} from './renderBadgeSvg';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

type Node = Record<string, unknown>;

/** Element names, attribute names and texts of `<text>` elements, in document order. */
function inspect(svg: string) {
  const validation = XMLValidator.validate(svg);
  expect(validation).toBe(true);
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const texts: string[] = [];
  const titles: string[] = [];
  const walk = (nodes: Node[], parent?: string) => {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@') {
          Object.keys(value as Node).forEach(name => attributes.add(name));
        } else if (key === '#text') {
          if (parent === 'text') texts.push(String(value));
          if (parent === 'title') titles.push(String(value));
        } else {
          elements.add(key);
          walk(value as Node[], key);
        }
      }
    }
  };
  walk(parser.parse(svg));
  return { elements, attributes, texts, titles, root: parser.parse(svg)[0] };
}

const anyColor = fc.constantFrom(
  ...(Object.keys(BADGE_COLORS) as BadgeColor[]),
);
/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc
  .integer({ min: 0, max: 0xffff })
  .map(code => String.fromCharCode(code));
const hostileFragment = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='x",
  '&amp;',
  '&lt;',
  '&#x3C;',
  '&nbsp;',
  ']]>',
  '<![CDATA[',
  '<?xml version="1.0"?>',
  '<!ENTITY x "y">',
  '\u202e',
  '\u2066',
  '\u0000',
  '\u001b[31m',
  '\ud800',
  '\udfff',
  '\ufffe',
  '😀',
  '日本語',
);
const hostileText = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 80 }),
  fc
    .array(fc.oneof(hostileFragment, fc.string()), { maxLength: 12 })
    .map(parts => parts.join('')),
  fc.string({ unit: anyCodeUnit, minLength: 10_000, maxLength: 10_000 }),
);

describe('renderBadgeSvg', () => {
  it('draws the label on grey and the message on the badge color, with an accessible name', () => {
    const svg = renderBadgeSvg({
      label: 'contributions',
      message: 'welcome',
      color: 'green',
    });
    const { elements, attributes, texts, titles, root } = inspect(svg);
    expect(texts).toEqual([
      'contributions',
      'contributions',
      'welcome',
      'welcome',
    ]);
    expect(titles).toEqual(['contributions: welcome']);
    expect(root[':@']).toMatchObject({
      role: 'img',
      'aria-label': 'contributions: welcome',
      height: '20',
    });
    expect(svg).toContain(`fill="${BADGE_COLORS.green}"`);
    expect(svg).toContain(`fill="${BADGE_COLORS.label}"`);
    expect(
      [...elements].every(e => BADGE_SVG_ELEMENTS.includes(e as any)),
    ).toBe(true);
    expect(
      [...attributes].every(a => BADGE_SVG_ATTRIBUTES.includes(a as any)),
    ).toBe(true);
  });

  it('is as wide as its texts, longer texts giving wider badges', () => {
    const width = (message: string) =>
      Number(
        /^<svg [^>]*width="(\d+)"/.exec(
          renderBadgeSvg({ label: 'innersource', message, color: 'gold' }),
        )![1],
      );
    expect(width('gold')).toBe(
      Math.round(textWidth('innersource') + 10) +
        Math.round(textWidth('gold') + 10),
    );
    expect(width('WWWW')).toBeGreaterThan(width('iiii'));
  });

  it('renders the same input to the same bytes', () => {
    const badge = { label: 'score', message: '87', color: 'green' as const };
    expect(renderBadgeSvg(badge)).toBe(renderBadgeSvg({ ...badge }));
  });

  it('escapes markup, quotes and entities so they show as written', () => {
    const svg = renderBadgeSvg({
      label: `<b>"it's"</b>`,
      message: '&amp; &lt;x&gt;',
      color: 'blue',
    });
    expect(svg).not.toContain('<b>');
    const { texts, root } = inspect(svg);
    expect(texts[0]).toBe(`<b>"it's"</b>`);
    expect(texts[2]).toBe('&amp; &lt;x&gt;');
    expect((root[':@'] as Node)['aria-label']).toBe(
      `<b>"it's"</b>: &amp; &lt;x&gt;`,
    );
  });

  it('refuses colors outside the palette', () => {
    expect(() =>
      renderBadgeSvg({
        label: 'a',
        message: 'b',
        color: '#fff" onload="x' as BadgeColor,
      }),
    ).toThrow(TypeError);
  });

  it('stays well-formed, and within its elements and attributes, whatever the texts', () => {
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        anyColor,
        (label, message, color) => {
          const svg = renderBadgeSvg({ label, message, color });
          const { elements, attributes, texts } = inspect(svg);
          expect(
            [...elements].filter(e => !BADGE_SVG_ELEMENTS.includes(e as any)),
          ).toEqual([]);
          expect(
            [...attributes].filter(
              a => !BADGE_SVG_ATTRIBUTES.includes(a as any),
            ),
          ).toEqual([]);
          expect(texts.filter(t => t !== '')).toEqual(
            [label, label, message, message]
              .map(cleanBadgeText)
              .filter(t => t !== ''),
          );
          expect(svg.length).toBeLessThan(3_000);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('cleanBadgeText', () => {
  it('removes control and bidi characters and lone surrogates, keeping pairs', () => {
    expect(
      cleanBadgeText('a\u0000b\u001b[31mc\u202ed\u2066e\ud800f\udc00g😀'),
    ).toBe('a b [31mc d e f g😀');
  });

  it('collapses white space', () => {
    expect(cleanBadgeText('  many \n\t spaces  ')).toBe('many spaces');
  });

  it(`cuts texts longer than ${MAX_BADGE_TEXT_LENGTH} characters with an ellipsis`, () => {
    const cut = cleanBadgeText('x'.repeat(10_000));
    expect(Array.from(cut)).toHaveLength(MAX_BADGE_TEXT_LENGTH);
    expect(cut.endsWith('…')).toBe(true);
    expect(cleanBadgeText('😀'.repeat(50))).toBe(`${'😀'.repeat(39)}…`);
    expect(cleanBadgeText('y'.repeat(40))).toBe('y'.repeat(40));
  });

  it('never leaves a character that XML 1.0 forbids or that reorders text', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodeUnit, maxLength: 200 }), text => {
        const cleaned = cleanBadgeText(text);
        expect(cleaned).not.toMatch(
          // eslint-disable-next-line no-control-regex -- looking for control characters is the point
          /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/,
        );
        // No lone surrogate: every high surrogate is followed by a low one.
        expect(cleaned).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
        );
        expect(Array.from(cleaned).length).toBeLessThanOrEqual(
          MAX_BADGE_TEXT_LENGTH,
        );
      }),
    );
  });
});
