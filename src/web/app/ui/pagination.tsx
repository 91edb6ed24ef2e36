import type { TablePaginationConfig } from 'antd';
import { cloneElement, isValidElement, type ReactElement } from 'react';
import type { Translate } from '../i18n';

/** Server-side paging with the same controls on every list (arrows named for screen readers). */
export function serverPagination(t: Translate, page: number, pageSize: number, total: number, onChange: (page: number, size: number) => void): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100, 200],
    showTotal: (n) => t('common.total', { n: n.toLocaleString('en-US') }),
    itemRender: (_page, type, element) => {
      if ((type === 'prev' || type === 'next') && isValidElement(element)) {
        return cloneElement(element as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': t(type === 'prev' ? 'common.prevPage' : 'common.nextPage') });
      }
      return element;
    },
    onChange,
  };
}
