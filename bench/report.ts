/**
 * The report engine on a yearly city report (10 sections, 15 tables of 12 rows, 10 charts): the
 * first .docx of a fresh process (WebAssembly and fonts loaded, code not yet optimised), then
 * charts, .docx and .pdf in a warm process, each format timed as a user waits for it (charts
 * included). No database.
 */
import { performance } from 'node:perf_hooks';
import { renderCharts } from '../src/server/reports/charts';
import { chartBlocks } from '../src/server/reports/document';
import { renderBoth, renderReport } from '../src/server/reports/render';
import { sampleReport } from '../src/server/reports/sample';

const TARGET_DOCX_MS = 5000;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t), value };
}

export async function benchReport(): Promise<Record<string, unknown>> {
  const doc = sampleReport({ sections: 10, tables: 15, charts: 10, rows: 12 });
  const cold = await timed(() => renderReport(doc, 'docx'));
  const charts = await timed(() => renderCharts(chartBlocks(doc)));
  const docx = await timed(() => renderReport(doc, 'docx'));
  const pdf = await timed(() => renderReport(doc, 'pdf'));
  const both = await timed(() => renderBoth(doc));
  const pages = (pdf.value.bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  return {
    document: { sections: doc.sections.length, tables: 15, rows: 12, charts: charts.value.size, pdfPages: pages },
    firstDocxMs: cold.ms,
    chartsMs: charts.ms,
    docxMs: docx.ms,
    pdfMs: pdf.ms,
    bothFormatsMs: both.ms,
    docxBytes: docx.value.bytes.length,
    pdfBytes: pdf.value.bytes.length,
    targetDocxMs: TARGET_DOCX_MS,
    ratio: Number((docx.ms / TARGET_DOCX_MS).toFixed(3)),
    firstDocxRatio: Number((cold.ms / TARGET_DOCX_MS).toFixed(3)),
  };
}
