import mammoth from 'mammoth';
import { errorMessage } from '../core/errors.js';
import { htmlToMarkdown, type HtmlText } from './html.js';

/** Why a Word file could not be read, in words a user can act on. */
export class DocxReadError extends Error {}

/**
 * Word's own styles mark the structure: the default map turns Heading 1-6 into headings; the Title
 * style becomes the first heading too. Images are left out (the index holds text only).
 */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * Converts a .docx file to headed paragraphs with mammoth (styles, not looks, decide what a heading
 * is). Throws a DocxReadError saying why when the file is damaged.
 */
export const readDocx = async (bytes: Uint8Array): Promise<HtmlText> => {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: noImages, externalFileAccess: false },
    );
    html = result.value;
  } catch (error) {
    throw new DocxReadError(`damaged Word document: ${errorMessage(error).replace(/\s+/gu, ' ').slice(0, 160)}`);
  }
  return htmlToMarkdown(html);
};
