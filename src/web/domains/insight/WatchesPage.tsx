import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useI18n, type MessageKey } from '../../app/i18n';
import { PageHeader } from '../../app/ui/PageHeader';
import { LoadError } from '../../app/ui/States';
import { alertsApi, type WatchBody, type WatchView } from './api';

const KINDS: WatchBody['kind'][] = ['ipc', 'keyword', 'patent', 'holder', 'trademark', 'similar_marks'];

/** What I watch; a new watch is checked (and named) by the server. */
export default function WatchesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const queryClient = useQueryClient();
  const result = useQuery({ queryKey: ['watches'], queryFn: () => alertsApi.watches() });
  const [kind, setKind] = useState<WatchBody['kind']>('ipc');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async () => {
    setBusy(true);
    try {
      await alertsApi.addWatch({ kind, value });
      message.success(t('w.added'));
      setValue('');
      await queryClient.invalidateQueries({ queryKey: ['watches'] });
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (w: WatchView) => {
    try {
      await alertsApi.removeWatch(w.id);
      await queryClient.invalidateQueries({ queryKey: ['watches'] });
    } catch (e) {
      report(e);
    }
  };

  return (
    <>
      <PageHeader title={t('w.title')} subtitle={t('w.subtitle')} back="/insight/alerts" />
      <Card size="small" className="xz-watch-add">
        <Form layout="inline" onFinish={() => void add()}>
          <Form.Item label={t('w.kind')}>
            <Select style={{ width: 130 }} value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`w.kind.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item label={t('w.value')} style={{ flex: 1, minWidth: 260 }}>
            <Input value={value} onChange={(e) => setValue(e.target.value)} placeholder={t(`w.hint.${kind}` as MessageKey)} maxLength={100} allowClear />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} disabled={!value.trim()}>
              {t('w.add')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <Card size="small">
          <Table<WatchView>
            rowKey="id"
            size="small"
            loading={!result.data}
            dataSource={result.data ?? []}
            pagination={false}
            locale={{ emptyText: t('w.empty') }}
            columns={[
              { title: t('w.kind'), dataIndex: 'kind', width: 120, render: (k: string) => <Tag>{t(`w.kind.${k}` as MessageKey)}</Tag> },
              { title: t('w.value'), dataIndex: 'label' },
              { title: t('w.since'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
              {
                title: '',
                width: 120,
                render: (_v, w) => (
                  <Popconfirm title={t('w.removeConfirm', { label: w.label })} onConfirm={() => void remove(w)}>
                    <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                      {t('w.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
