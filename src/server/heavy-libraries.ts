/**
 * Libraries that take hundreds of milliseconds to load, loaded on first use: the server, every
 * CLI command and every test file start without them, and only the exports, imports and reports
 * that need them pay once.
 */
export const loadExcelJS = async () => (await import('exceljs')).default;
export const loadECharts = () => import('echarts');
export const loadPDFKit = async () => (await import('pdfkit')).default;
