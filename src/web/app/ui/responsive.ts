import { Grid } from 'antd';

/** Phone-sized screens (< 768 px): drawer menu, no fixed table columns, stacked forms. */
export function useCompact(): boolean {
  return Grid.useBreakpoint().md === false;
}
