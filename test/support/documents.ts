import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import yauzl from 'yauzl';

/** The entries of a zip (a .docx or .xlsx), by name. */
export function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2 ?? new Error('entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(e.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export interface PdfText {
  pageWidth: number;
  pages: Array<Array<{ str: string; x: number; width: number }>>;
}

/** The text items of every page of a PDF, as a reader extracts them (through the fonts' ToUnicode maps). */
export async function pdfText(bytes: Buffer | Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
  const pages: PdfText['pages'] = [];
  let pageWidth = 0;
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    pageWidth = page.view[2] ?? 0;
    const content = await page.getTextContent();
    pages.push(content.items.flatMap((it) => ('str' in it ? [{ str: it.str, x: it.transform[4] as number, width: it.width }] : [])));
  }
  await pdf.destroy();
  return { pageWidth, pages };
}

/** All the text of a PDF in reading order, without white space (Chinese lines break anywhere). */
export const pdfPlainText = async (bytes: Buffer | Uint8Array) => (await pdfText(bytes)).pages.flat().map((i) => i.str).join('').replace(/\s+/g, '');

/** The visible text of a .docx body, without white space. */
export async function docxPlainText(bytes: Buffer): Promise<string> {
  const xml = (await unzip(bytes)).get('word/document.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, '');
}
