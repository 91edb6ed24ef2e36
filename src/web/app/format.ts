import dayjs from 'dayjs';

/** Dates and numbers look the same on every page: YYYY-MM-DD HH:mm and thousands separators. */
export const DATE_TIME = 'YYYY-MM-DD HH:mm';
export const DATE = 'YYYY-MM-DD';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format(DATE_TIME) : '—';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format(DATE) : '—';
}

const numberFormat = new Intl.NumberFormat('en-US');

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : numberFormat.format(n);
}
