import { useQuery } from '@tanstack/react-query';
import { areasApi } from '../../app/endpoints';

/** The areas list is reference data used by many pages (filters, selects, the home chart). */
export const useAreas = (enabled = true) => useQuery({ queryKey: ['areas'], queryFn: areasApi.list, staleTime: 5 * 60_000, enabled });
