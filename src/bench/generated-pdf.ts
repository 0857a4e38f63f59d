import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/** One page as a report lays it out: an optional heading set large, then body paragraphs. */
export interface PdfPageSpec {
  heading?: string;
  /** Set smaller than the heading, larger than the body: a sub-heading. */
  subheading?: string;
  paragraphs: string[];
}

export interface PdfSpec {
  /** The document information's Title; none when absent, as in many exported reports. */
  title?: string;
  pages: PdfPageSpec[];
}

const PAGE = { width: 595, height: 842, margin: 60 } as const;
const SIZES = { heading: 20, subheading: 14, body: 10.5 } as const;

/** Breaks text into lines that fit the page width in the given font and size. */
const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter((w) => w !== '')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
};

const drawPage = (page: PDFPage, spec: PdfPageSpec, regular: PDFFont, bold: PDFFont, number: number): void => {
  const width = PAGE.width - 2 * PAGE.margin;
  let y = PAGE.height - PAGE.margin;
  const draw = (text: string, font: PDFFont, size: number, after: number): void => {
    for (const line of wrap(text, font, size, width)) {
      page.drawText(line, { x: PAGE.margin, y, size, font });
      y -= size * 1.3;
    }
    y -= after;
  };
  if (spec.heading) draw(spec.heading, bold, SIZES.heading, 10);
  if (spec.subheading) draw(spec.subheading, bold, SIZES.subheading, 6);
  for (const paragraph of spec.paragraphs) draw(paragraph, regular, SIZES.body, SIZES.body);
  // A printed page number in the footer, as real reports have.
  page.drawText(String(number), { x: PAGE.width / 2, y: PAGE.margin / 2, size: 9, font: regular });
};

/**
 * Writes a PDF with a real text layer (pdf-lib, standard fonts): headings are told apart from the
 * body by their font size only, as in most PDFs, which carry no structure tags.
 */
export const writePdf = async (spec: PdfSpec): Promise<Uint8Array> => {
  const document = await PDFDocument.create();
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  if (spec.title) document.setTitle(spec.title);
  for (const [index, pageSpec] of spec.pages.entries()) {
    drawPage(document.addPage([PAGE.width, PAGE.height]), pageSpec, regular, bold, index + 1);
  }
  return document.save();
};

/** A PDF of pictures only (as a scanner makes): each page one image, no text layer. */
export const writeImageOnlyPdf = async (png: Uint8Array, pages = 2): Promise<Uint8Array> => {
  const document = await PDFDocument.create();
  const image = await document.embedPng(png);
  for (let index = 0; index < pages; index++) {
    const page = document.addPage([PAGE.width, PAGE.height]);
    page.drawImage(image, { x: 0, y: 0, width: PAGE.width, height: PAGE.height });
  }
  return document.save();
};

const WORDS = (
  'learning city community adult education festival library partnership municipal council funding monitoring ' +
  'inclusion lifelong skills employment health culture citizens neighbourhood volunteers schools university ' +
  'families literacy digital workplace indicators participation strategy governance resources evaluation'
).split(' ');

/**
 * A long report for benchmarks: `pages` pages, a chapter heading every tenth page and a section
 * heading on the others, each page a few paragraphs of deterministic prose.
 */
export const longReportSpec = (pages: number): PdfSpec => {
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const sentence = (): string => {
    const words = Array.from({ length: 12 + (next() % 10) }, () => WORDS[next() % WORDS.length] ?? 'learning');
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 4 + (next() % 3) }, sentence).join(' ');
  return {
    title: `Learning City Annual Report (${pages} pages)`,
    pages: Array.from({ length: pages }, (_, index) =>
      index % 10 === 0
        ? { heading: `Chapter ${index / 10 + 1}: ${WORDS[index % WORDS.length]} and ${WORDS[(index + 7) % WORDS.length]}`, paragraphs: [paragraph(), paragraph(), paragraph()] }
        : { subheading: `Section ${index + 1}: ${WORDS[(index * 3) % WORDS.length]}`, paragraphs: [paragraph(), paragraph(), paragraph(), paragraph()] },
    ),
  };
};
