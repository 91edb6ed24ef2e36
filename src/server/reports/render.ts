import { renderCharts, type ChartImages } from './charts';
import { chartBlocks, type ReportDocument } from './document';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';

export type ReportFormat = 'docx' | 'pdf';
export type ReportPhase = 'charts' | 'sections' | 'done';
/** Steps done out of a total fixed at the start (charts + sections per format + 1), for job progress. */
export type ReportProgress = (done: number, total: number, phase: ReportPhase) => void;

export interface RenderedReport {
  bytes: Buffer;
  contentType: string;
  extension: ReportFormat;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

function counter(doc: ReportDocument, formats: number, onProgress?: ReportProgress) {
  const charts = new Set(chartBlocks(doc)).size;
  const total = charts + doc.sections.length * formats + 1;
  let base = 0;
  return {
    charts: (n: number) => onProgress?.(n, total, 'charts'),
    /** Progress within the sections of one format; call next() between formats. */
    sections: (n: number) => onProgress?.(charts + base + n, total, 'sections'),
    next: () => {
      base += doc.sections.length;
    },
    done: () => onProgress?.(total, total, 'done'),
  };
}

async function renderFormat(doc: ReportDocument, format: ReportFormat, charts: ChartImages, onSection: (n: number) => void): Promise<RenderedReport> {
  const bytes = format === 'docx' ? await renderDocx(doc, charts, onSection) : await renderPdf(doc, charts, onSection);
  return { bytes, contentType: CONTENT_TYPES[format], extension: format };
}

/** One report in one format. */
export async function renderReport(doc: ReportDocument, format: ReportFormat, onProgress?: ReportProgress): Promise<RenderedReport> {
  const progress = counter(doc, 1, onProgress);
  const charts = await renderCharts(chartBlocks(doc), progress.charts);
  const out = await renderFormat(doc, format, charts, progress.sections);
  progress.done();
  return out;
}

/** Both formats of one report, with every chart rasterised once for the two. */
export async function renderBoth(doc: ReportDocument, onProgress?: ReportProgress): Promise<Record<ReportFormat, RenderedReport>> {
  const progress = counter(doc, 2, onProgress);
  const charts = await renderCharts(chartBlocks(doc), progress.charts);
  const docx = await renderFormat(doc, 'docx', charts, progress.sections);
  progress.next();
  const pdf = await renderFormat(doc, 'pdf', charts, progress.sections);
  progress.done();
  return { docx, pdf };
}
