import { badgeSnippets } from './badgeSnippets';

const imageUrl =
  'https://backstage.example.com/api/innersource/badges/component/default/gateway/contributions';
const linkUrl =
  'https://backstage.example.com/catalog/default/component/gateway';

describe('badgeSnippets', () => {
  it('links the badge image to the entity page in Markdown, HTML and AsciiDoc', () => {
    expect(
      badgeSnippets({ imageUrl, linkUrl, alt: 'contributions: welcome' }),
    ).toEqual({
      markdown: `[![contributions: welcome](${imageUrl})](${linkUrl})`,
      html: `<a href="${linkUrl}"><img src="${imageUrl}" alt="contributions: welcome"></a>`,
      asciidoc: `image:${imageUrl}[contributions: welcome,link=${linkUrl}]`,
    });
  });

  it('escapes URLs and alt text inside HTML attributes', () => {
    const { html } = badgeSnippets({
      imageUrl: 'https://x.example/b?a=1&b="2"',
      linkUrl: `https://x.example/"><script>alert('x')</script>`,
      alt: 'a "quoted" <b>alt</b>',
    });
    expect(html).toBe(
      '<a href="https://x.example/&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"><img src="https://x.example/b?a=1&amp;b=&quot;2&quot;" alt="a &quot;quoted&quot; balt/b"></a>',
    );
    expect(html).not.toContain('<script');
  });

  it('keeps Markdown and AsciiDoc links whole when URLs hold brackets or spaces', () => {
    const { markdown, asciidoc } = badgeSnippets({
      imageUrl: 'https://x.example/a (b)/[c]',
      linkUrl: 'https://x.example/d e',
      alt: 'x] [y, z',
    });
    expect(markdown).toBe(
      '[![x y, z](https://x.example/a%20%28b%29/%5Bc%5D)](https://x.example/d%20e)',
    );
    expect(asciidoc).toBe(
      'image:https://x.example/a%20%28b%29/%5Bc%5D[x y z,link=https://x.example/d%20e]',
    );
  });
});
