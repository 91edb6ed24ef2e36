import { Select } from 'antd';
import { useSearchParams } from 'react-router';

/** The page's year in the address as ?year= (left out for the current year), so links and reloads keep it. */
export function useYearParam() {
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const setYear = (y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true });
  return { year, thisYear, setYear, params, setParams };
}

/** Picks one of the last `span` years, newest first. */
export function YearSelect({ year, onChange, span }: { year: number; onChange: (year: number) => void; span: number }) {
  const thisYear = new Date().getFullYear();
  return <Select style={{ width: 100 }} value={year} onChange={onChange} options={Array.from({ length: span }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))} />;
}
