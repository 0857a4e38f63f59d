import { Resvg } from '@resvg/resvg-js';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeImageOnlyPdf, writePdf } from '../../src/bench/generated-pdf.js';

/** The three-page report the tests ask about: one heading per page, each page its own facts. */
export const threePageReport = (title: string | null = 'UNESCO Guidelines for Building Learning Cities'): Promise<Uint8Array> =>
  writePdf({
    ...(title === null ? {} : { title }),
    pages: [
      {
        heading: 'Introduction',
        paragraphs: ['A learning city mobilises its resources in every sector to promote inclusive learning from basic to higher education.'],
      },
      {
        heading: 'Funding learning festivals',
        paragraphs: [
          'The municipal treasury sets aside a festival endowment every spring, matched by local employers.',
          'Libraries host most festival events free of charge.',
        ],
      },
      {
        heading: 'Monitoring progress',
        subheading: 'The biennial scorecard',
        paragraphs: ['Every second year the city publishes a scorecard of learner participation by neighbourhood.'],
      },
    ],
  });

/** A Word document whose structure is in its styles: Title, Heading 1 and Heading 2 paragraphs. */
export const styledDocx = (): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      creator: 'learning-city-bot tests',
      sections: [
        {
          children: [
            new Paragraph({ text: 'Swansea Learning Partnership Handbook', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Who we are', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('The partnership brings together the council, two universities and forty community groups.'),
            new Paragraph({ text: 'Volunteer mentors', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('Volunteer mentors meet new adult learners at the waterfront library every Thursday evening.'),
            new Paragraph({ text: 'Annual budget', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('The annual budget of the partnership is agreed by the steering board each March.'),
          ],
        },
      ],
    }),
  );

/** A Word document with no text in it at all. */
export const emptyDocx = (): Promise<Buffer> => Packer.toBuffer(new Document({ sections: [{ children: [] }] }));

/** A grey "photograph" of a page, as a scanner would make. */
export const scannedPage = (): Uint8Array =>
  new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="160"><rect width="120" height="160" fill="#eee"/><rect x="10" y="10" width="100" height="8" fill="#333"/></svg>').render().asPng();

export const scannedPdf = async (): Promise<Uint8Array> => writeImageOnlyPdf(scannedPage());

/**
 * A PDF encrypted with the standard security handler and a user password: the /U entry is not the
 * one an empty password gives, so no reader opens it without the password. Written out by hand,
 * with a correct cross-reference table, since PDF writers for Node do not encrypt.
 */
export const encryptedPdf = (): Uint8Array => {
  const hex = (byte: number): string => byte.toString(16).padStart(2, '0').repeat(32);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Secret plans) Tj ET\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(0x5a)}> /U <${hex(0xa5)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = '<0123456789abcdef0123456789abcdef>';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [${id} ${id}] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
};

/** A folder with the given files (text, bytes), for loading tests. */
export const folderWith = (files: Record<string, string | Uint8Array>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-files-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};
