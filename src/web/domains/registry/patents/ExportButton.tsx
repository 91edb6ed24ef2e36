import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { App as AntdApp, Button, Dropdown } from 'antd';
import { patentsApi, type PatentQuery } from '../../../app/endpoints';
import { formatNumber } from '../../../app/format';
import { useT } from '../../../app/i18n';

export const EXPORT_LIMIT = 100_000;

/**
 * Downloads the current search as XLSX or CSV. The server streams the file, so the browser simply
 * goes to the address and saves what comes back; the page stays.
 */
export function ExportButton({ query, total, capped, disabled }: { query: Omit<PatentQuery, 'page' | 'pageSize'>; total: number; capped: boolean; disabled?: boolean }) {
  const t = useT();
  const { modal, message } = AntdApp.useApp();

  const go = (format: 'xlsx' | 'csv') => {
    message.info({ content: t('patent.exportStarted'), duration: 5 });
    window.location.assign(patentsApi.exportUrl(query, format));
  };

  const start = (format: 'xlsx' | 'csv') => {
    const notes: string[] = [];
    if (capped || total > EXPORT_LIMIT) notes.push(t('patent.exportLarge', { limit: formatNumber(EXPORT_LIMIT) }));
    if (notes.length === 0) return go(format);
    modal.confirm({
      title: t('patent.exportConfirmTitle'),
      content: (
        <>
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </>
      ),
      okText: t('patent.exportAnyway'),
      cancelText: t('common.cancel'),
      onOk: () => go(format),
    });
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
        onClick: ({ key }) => start(key as 'xlsx' | 'csv'),
      }}
    >
      <Button icon={<DownloadOutlined />} disabled={disabled}>
        {t('patent.export')} <DownOutlined aria-hidden style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
