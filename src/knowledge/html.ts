const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', copy: '©', eacute: 'é',
};

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || 32);
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10) || 32);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

export interface HtmlText {
  title: string | undefined;
  /** Markdown-like text: `## ` headings, paragraphs separated by blank lines, `- ` list items. */
  markdown: string;
}

/**
 * Turns an HTML page into headed paragraphs. A small, forgiving converter: documents dropped into
 * knowledge/ are articles, not applications, so scripts, styles and navigation are dropped.
 */
export const htmlToMarkdown = (html: string): HtmlText => {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const text = html
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<(script|style|noscript|nav|header|footer|svg|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<head\b[\s\S]*?<\/head>/gi, ' ')
    .replace(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/gi, (_, inner: string) => `\n\n## ${inner.replace(/\s+/g, ' ')}\n\n`)
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|section|article|ul|ol|table|tr|blockquote|pre|main)>/gi, '\n\n')
    .replace(/<[^>]+>/gu, ' ');
  const markdown = decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const clean = (value: string | undefined): string | undefined => {
    const folded = value === undefined ? undefined : decodeEntities(value.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
    return folded === '' ? undefined : folded;
  };
  return { title: clean(title) ?? clean(h1), markdown };
};
