import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Kinds of source document: a question that says it was read in slides ("the deck") looks in slides first. */
export const documentKinds = ['page', 'slides', 'report', 'notes', 'guide'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(300),
    source: z.string().trim().min(1).max(300).optional(),
    kind: z.enum(documentKinds).default('page'),
    notes: z.string().max(2_000).optional(),
  })
  .passthrough();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface SplitFrontMatter {
  /** Parsed YAML, or `undefined` when the file has no front matter block. */
  data: unknown;
  body: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/u;

/** Separates a leading `---` YAML block from the body. Throws on YAML syntax errors. */
export const splitFrontMatter = (content: string): SplitFrontMatter => {
  const match = FRONT_MATTER.exec(content);
  if (!match) return { data: undefined, body: content };
  return { data: parseYaml(match[1] ?? '') ?? {}, body: content.slice(match[0].length) };
};
