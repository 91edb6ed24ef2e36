import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { App as AntdApp, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { patentsApi, type PatentQuery } from '../../../app/endpoints';
import { formatNumber } from '../../../app/format';
import { useReportError } from '../../../app/errors';
import { useT } from '../../../app/i18n';

/**
 * Downloads the current search as XLSX or CSV. The size is checked first (at most 100,000 rows);
 * then the browser goes to the address and saves the streamed file; the page stays.
 */
export function ExportButton({ query, disabled }: { query: Omit<PatentQuery, 'page' | 'pageSize'>; disabled?: boolean }) {
  const t = useT();
  const { modal, message } = AntdApp.useApp();
  const report = useReportError();
  const [checking, setChecking] = useState(false);

  const start = async (format: 'xlsx' | 'csv') => {
    setChecking(true);
    try {
      const size = await patentsApi.exportCount(query);
      if (!size.allowed) {
        modal.warning({ title: t('patent.exportConfirmTitle'), content: t('patent.exportTooMany', { limit: formatNumber(size.limit) }) });
        return;
      }
      message.info({ content: t('patent.exportStarted', { rows: formatNumber(size.rows) }), duration: 5 });
      window.location.assign(patentsApi.exportUrl(query, format));
    } catch (e) {
      report(e);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Dropdown
      disabled={disabled}
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: t('patent.exportXlsx') },
          { key: 'csv', label: t('patent.exportCsv') },
        ],
        onClick: ({ key }) => void start(key as 'xlsx' | 'csv'),
      }}
    >
      <Button icon={<DownloadOutlined />} disabled={disabled} loading={checking}>
        {t('patent.export')} <DownOutlined aria-hidden style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
