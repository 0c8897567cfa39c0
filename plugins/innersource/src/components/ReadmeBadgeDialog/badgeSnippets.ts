/** The README snippets of one badge: its image, linking to the entity's page. */
export type BadgeSnippets = {
  markdown: string;
  html: string;
  asciidoc: string;
};

function escapeHtmlAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

// Markdown and AsciiDoc URLs must not end the link early: characters that do are
// percent-encoded (URLs from the backend are already encoded, so this only
// matters for unusual ones).
const encodeForMarkup = (url: string) =>
  url.replace(
    /[\s()[\]<>"'`]/g,
    char =>
      `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );

// Alt texts are plain words; brackets and markup characters are dropped.
const plainAlt = (alt: string) =>
  alt
    .replace(/[[\]<>`*_|\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Markdown, HTML and AsciiDoc for a README: the badge image at `imageUrl`,
 * linking to `linkUrl`, described by `alt`.
 */
export function badgeSnippets(options: {
  imageUrl: string;
  linkUrl: string;
  alt: string;
}): BadgeSnippets {
  const alt = plainAlt(options.alt);
  const image = encodeForMarkup(options.imageUrl);
  const link = encodeForMarkup(options.linkUrl);
  return {
    markdown: `[![${alt}](${image})](${link})`,
    html: `<a href="${escapeHtmlAttribute(
      options.linkUrl,
    )}"><img src="${escapeHtmlAttribute(
      options.imageUrl,
    )}" alt="${escapeHtmlAttribute(alt)}"></a>`,
    asciidoc: `image:${image}[${alt.replace(/,/g, '')},link=${link}]`,
  };
}
