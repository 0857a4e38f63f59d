import { z } from 'zod';
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
  /** Page the passage is on, for paged documents (PDF). */
  page?: number;
}

/** A passage as read back from a file or a database row. */
export const passageSchema = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  heading: z.string(),
  text: z.string(),
  page: z.number().int().positive().optional(),
});

export interface ChunkOptions {
  /** Paragraphs are merged up to about this many characters. */
  targetChars: number;
  /** A single paragraph longer than this is split between sentences. */
  maxChars: number;
}

export const defaultChunkOptions: ChunkOptions = { targetChars: 700, maxChars: 1_100 };

interface Block {
  text: string;
  /** Page the block starts on; 0 in documents without pages. */
  page: number;
}

interface Section {
  heading: string;
  blocks: Block[];
}

/**
 * Splits a body into sections at Markdown headings, and sections into blocks at blank lines. In a
 * paged document a form feed line starts the next page and ends the block; the section goes on.
 */
const sectionsOf = (body: string, title: string, paged: boolean): Section[] => {
  const sections: Section[] = [{ heading: title, blocks: [] }];
  let block: string[] = [];
  let page = paged ? 1 : 0;
  const flush = (): void => {
    const text = block.join('\n').trim();
    if (text !== '') sections[sections.length - 1]?.blocks.push({ text, page });
    block = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (paged && line.trim() === '' && line.includes('\f')) {
      flush();
      page += 1;
      continue;
    }
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
  for (const section of sectionsOf(document.body, document.title, document.pages !== undefined)) {
    let current: string[] = [];
    let page = 0;
    const push = (): void => {
      if (current.length === 0) return;
      passages.push({
        id: `${document.file}#${passages.length + 1}`,
        source: document.source,
        title: document.title,
        heading: section.heading,
        text: current.join('\n\n'),
        ...(page > 0 ? { page } : {}),
      });
      current = [];
    };
    const blocks = section.blocks.flatMap((b) => splitLong(b.text, options.maxChars).map((text) => ({ text, page: b.page })));
    for (const { text: block, page: blockPage } of blocks) {
      const length = current.reduce((sum, b) => sum + b.length + 2, 0);
      // A block that introduces the next one ("… common agendas:") stays with it.
      const introduces = /:\s*$/u.test(current.at(-1) ?? '');
      const limit = introduces ? options.maxChars * 2 : options.targetChars;
      // A passage stays on one page, so its citation names the page it is on.
      if (current.length > 0 && (length + block.length > limit || blockPage !== page)) push();
      if (current.length === 0) page = blockPage;
      current.push(block);
    }
    push();
  }
  return passages;
};
