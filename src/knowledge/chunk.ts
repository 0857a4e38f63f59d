import type { SourceDocument } from './documents.js';
import { sentences } from './text.js';

/** A searchable piece of a document: one section's paragraphs, small enough to cite. */
export interface Passage {
  id: string;
  /** Original file name of the document the passage comes from (its front matter `source`). */
  source: string;
  title: string;
  heading: string;
  text: string;
}

export interface ChunkOptions {
  /** Paragraphs are merged up to about this many characters. */
  targetChars: number;
  /** A single paragraph longer than this is split between sentences. */
  maxChars: number;
}

export const defaultChunkOptions: ChunkOptions = { targetChars: 700, maxChars: 1_100 };

interface Section {
  heading: string;
  blocks: string[];
}

/** Splits a body into sections at Markdown headings, and sections into blocks at blank lines. */
const sectionsOf = (body: string, title: string): Section[] => {
  const sections: Section[] = [{ heading: title, blocks: [] }];
  let block: string[] = [];
  const flush = (): void => {
    const text = block.join('\n').trim();
    if (text !== '') sections[sections.length - 1]?.blocks.push(text);
    block = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/u.exec(line);
    if (heading) {
      flush();
      sections.push({ heading: heading[1] || title, blocks: [] });
    } else if (line.trim() === '') {
      // A blank line ends a paragraph, but a list continues across it.
      const next = block[block.length - 1] ?? '';
      if (!/^\s*(?:[-*•]|\d+[.)])\s/u.test(next)) flush();
    } else {
      block.push(line.trimEnd());
    }
  }
  flush();
  return sections.filter((section) => section.blocks.length > 0);
};

/** Splits an over-long block between sentences. */
const splitLong = (block: string, maxChars: number): string[] => {
  if (block.length <= maxChars) return [block];
  const parts: string[] = [];
  let current = '';
  for (const sentence of sentences(block)) {
    if (current !== '' && current.length + sentence.length + 1 > maxChars) {
      parts.push(current);
      current = '';
    }
    current = current === '' ? sentence : `${current} ${sentence}`;
  }
  if (current !== '') parts.push(current);
  return parts;
};

/** Cuts a document into passages by heading and paragraph; each passage keeps its heading and title. */
export const chunkDocument = (document: SourceDocument, options: ChunkOptions = defaultChunkOptions): Passage[] => {
  const passages: Passage[] = [];
  for (const section of sectionsOf(document.body, document.title)) {
    let current: string[] = [];
    const push = (): void => {
      if (current.length === 0) return;
      passages.push({
        id: `${document.file}#${passages.length + 1}`,
        source: document.source,
        title: document.title,
        heading: section.heading,
        text: current.join('\n\n'),
      });
      current = [];
    };
    for (const block of section.blocks.flatMap((b) => splitLong(b, options.maxChars))) {
      const length = current.reduce((sum, b) => sum + b.length + 2, 0);
      // A block that introduces the next one ("… common agendas:") stays with it.
      const introduces = /:\s*$/u.test(current.at(-1) ?? '');
      const limit = introduces ? options.maxChars * 2 : options.targetChars;
      if (current.length > 0 && length + block.length > limit) push();
      current.push(block);
    }
    push();
  }
  return passages;
};
