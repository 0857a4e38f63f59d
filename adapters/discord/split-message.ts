/** Discord's limit on a message's `content`. */
export const DISCORD_MESSAGE_LIMIT = 2_000;

/** A piece that must stay whole if at all possible, preceded by the whitespace before it. */
interface Atom {
  sep: string;
  text: string;
  /** Set on fenced code blocks so an oversized one can be re-fenced when split. */
  code?: { open: string; body: string; close: string };
  /** Set on formatting spans (`**bold**`) so an oversized one can be re-wrapped when split. */
  marker?: string;
}

// Spans that lose their meaning when cut: inline code, links, bold, underline, strike-through,
// italics. None may cross a blank line, which keeps a stray marker from swallowing a document,
// and none is looked for beyond 8,000 characters, which keeps unclosed markers from making the
// scan quadratic.
const SPAN_PATTERNS: Array<{ pattern: RegExp; marker?: string }> = [
  { pattern: /```[^]{0,8000}?```/uy },
  { pattern: /`[^`\n]+`/uy },
  { pattern: /\[[^\]\n]+\]\([^)\s]+\)/uy },
  { pattern: /\*\*(?=\S)(?:(?!\n\n)[^]){0,8000}?\S\*\*/uy, marker: '**' },
  { pattern: /__(?=\S)(?:(?!\n\n)[^]){0,8000}?\S__/uy, marker: '__' },
  { pattern: /~~(?=\S)(?:(?!\n\n)[^]){0,8000}?\S~~/uy, marker: '~~' },
  { pattern: /\*(?=[^\s*])[^*\n]*?[^\s*]\*(?!\*)/uy, marker: '*' },
  { pattern: /\*[^\s*]\*/uy, marker: '*' },
  { pattern: /_(?=[^\s_])[^_\n]*?[^\s_]_(?!\w)/uy, marker: '_' },
];
const SPAN_START = new Set(['`', '[', '*', '_', '~']);

const spanAt = (text: string, index: number): { end: number; marker?: string } | undefined => {
  if (!SPAN_START.has(text[index] ?? '')) return undefined;
  for (const { pattern, marker } of SPAN_PATTERNS) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (match) return marker === undefined ? { end: index + match[0].length } : { end: index + match[0].length, marker };
  }
  return undefined;
};

/**
 * A fenced block starting at `index`, closing fence included when present. Discord opens a block
 * at any ```, not only at a line start; one closed on its own line is kept as a plain span.
 */
const codeBlockAt = (text: string, index: number): { code?: Atom['code']; end: number } | undefined => {
  if (!text.startsWith('```', index)) return undefined;
  const lineEnd = text.indexOf('\n', index);
  const closeAt = text.indexOf('```', index + 3);
  if (closeAt !== -1 && (lineEnd === -1 || closeAt < lineEnd)) return { end: closeAt + 3 };
  if (lineEnd === -1) return { end: text.length };
  const open = text.slice(index, lineEnd);
  if (closeAt === -1) return { code: { open, body: text.slice(lineEnd + 1), close: '' }, end: text.length };
  return { code: { open, body: text.slice(lineEnd + 1, closeAt), close: '```' }, end: closeAt + 3 };
};

const tokenize = (text: string): Atom[] => {
  const atoms: Atom[] = [];
  let index = 0;
  while (index < text.length) {
    const sepStart = index;
    while (index < text.length && /\s/u.test(text[index] ?? '')) index++;
    if (index >= text.length) break;
    const sep = text.slice(sepStart, index);
    const block = codeBlockAt(text, index);
    if (block) {
      const atom: Atom = { sep, text: text.slice(index, block.end) };
      if (block.code) atom.code = block.code;
      atoms.push(atom);
      index = block.end;
      continue;
    }
    const start = index;
    let first: { end: number; marker?: string } | undefined;
    while (index < text.length && !/\s/u.test(text[index] ?? '')) {
      const span = spanAt(text, index);
      if (span) {
        if (index === start) first = span;
        index = span.end;
      } else {
        index++;
      }
    }
    const atom: Atom = { sep, text: text.slice(start, index) };
    // Only a span that is the whole atom can be re-wrapped piece by piece.
    if (first?.marker !== undefined && first.end === index) atom.marker = first.marker;
    atoms.push(atom);
  }
  return atoms;
};

/** Cuts a word with no usable break, never between the halves of a surrogate pair. */
const hardSplit = (word: string, limit: number): string[] => {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > limit) {
    let cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
};

/** Splits an oversized code block by lines; every piece is a complete fenced block. */
const splitCode = (code: NonNullable<Atom['code']>, limit: number): string[] => {
  const closeFence = '```';
  // Room for the body between "open\n" and "\n```".
  const room = limit - code.open.length - 2 - closeFence.length;
  const lines = code.body.replace(/\n$/u, '').split('\n').flatMap((line) => (line.length > room ? hardSplit(line, room) : [line]));
  const bodies: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const added = current.length === 0 ? line.length : size + 1 + line.length;
    if (added > room && current.length > 0) {
      bodies.push(current.join('\n'));
      current = [line];
      size = line.length;
    } else {
      current.push(line);
      size = added;
    }
  }
  bodies.push(current.join('\n'));
  return bodies.map((body, i) => {
    const last = i === bodies.length - 1;
    // The last piece keeps the original ending, so an unclosed block stays unclosed.
    return `${code.open}\n${body}\n${last ? code.close : closeFence}`.replace(/\n$/u, '');
  });
};

/** Pieces, each at most `limit` long, of an atom that is longer than `limit` on its own. */
const splitAtom = (atom: Atom, limit: number): string[] => {
  // Fences or markers that leave too little room are dropped to plain words rather than looping.
  if (atom.code && limit - atom.code.open.length - 5 >= MIN_ROOM) return splitCode(atom.code, limit);
  if (atom.marker !== undefined && limit - 2 * atom.marker.length >= MIN_ROOM) {
    const { marker } = atom;
    const inner = atom.text.slice(marker.length, atom.text.length - marker.length);
    return splitText(inner, limit - 2 * marker.length).map((piece) => `${marker}${piece}${marker}`);
  }
  // A link or code span too long for a message: words are the best we can keep whole.
  const words = atom.text.split(/(\s+)/u);
  const pieces: string[] = [];
  let current = '';
  for (const word of words) {
    if (word === '') continue;
    if ((current + word).length <= limit) {
      current += word;
    } else if (word.trim() === '') {
      continue;
    } else {
      if (current.trim() !== '') pieces.push(current.trimEnd());
      const cut = hardSplit(word, limit);
      current = cut.pop() ?? '';
      pieces.push(...cut);
    }
  }
  if (current.trim() !== '') pieces.push(current.trimEnd());
  return pieces;
};

const MIN_ROOM = 8;

const splitText = (text: string, limit: number): string[] => {
  if (text.trim() === '') return [];
  if (text.length <= limit) return [text.trim()];
  const chunks: string[] = [];
  let parts: Atom[] = [];
  const joined = (list: Atom[]): string => list.map((part, i) => (i === 0 ? part.text : part.sep + part.text)).join('');
  let length = 0;

  const flush = (): void => {
    if (parts.length > 0) chunks.push(joined(parts));
    parts = [];
    length = 0;
  };

  for (const atom of tokenize(text)) {
    const added = parts.length === 0 ? atom.text.length : length + atom.sep.length + atom.text.length;
    if (added <= limit) {
      parts.push(atom);
      length = added;
      continue;
    }
    // Prefer ending the message at a line break when that keeps it at least half full.
    const lineBreak = parts.findLastIndex((part, i) => i > 0 && part.sep.includes('\n'));
    if (lineBreak > 0 && joined(parts.slice(0, lineBreak)).length >= limit / 2) {
      const carried = parts.slice(lineBreak);
      parts = parts.slice(0, lineBreak);
      flush();
      parts = carried;
      length = joined(parts).length;
      const retry = length + atom.sep.length + atom.text.length;
      if (retry <= limit) {
        parts.push(atom);
        length = retry;
        continue;
      }
    }
    flush();
    if (atom.text.length <= limit) {
      parts = [atom];
      length = atom.text.length;
      continue;
    }
    const pieces = splitAtom(atom, limit);
    const last = pieces.pop();
    chunks.push(...pieces);
    if (last !== undefined) {
      parts = [{ sep: '', text: last }];
      length = last.length;
    }
  }
  flush();
  return chunks.map((chunk) => chunk.trim()).filter((chunk) => chunk !== '');
};

/**
 * Splits text into messages of at most `limit` characters without breaking words or formatting:
 * breaks go between words, preferably at line ends; code blocks, inline code, links and
 * bold/italic spans stay whole when they fit in one message, and a code block too long for one is
 * re-fenced in every piece. Blank text gives no messages.
 */
export const splitMessage = (text: string, limit = DISCORD_MESSAGE_LIMIT): string[] => {
  if (!Number.isInteger(limit) || limit < 16) throw new RangeError(`splitMessage: limit must be an integer >= 16, got ${limit}`);
  return splitText(text, limit);
};
