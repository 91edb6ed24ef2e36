import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { IssuedToken, OrgView, TokenView } from '../../../app/api-types';
import { useFormErrorHandler, useReportError } from '../../../app/errors';
import { orgsApi } from '../../../app/endpoints';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { RoleTags } from '../../../app/labels';
import { OnceSecretModal } from '../../../app/ui/SecretBlock';
import { EmptyState, LoadError } from '../../../app/ui/States';

const STATUS_COLOR: Record<TokenView['status'], string> = { active: 'green', expired: 'default', revoked: 'red' };

/** API tokens for machine clients of the organisation (e.g. the court's case system). */
export function TokensCard({ org, onChanged }: { org: OrgView; onChanged: () => void }) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const report = useReportError();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens', org.id], queryFn: () => orgsApi.tokens(org.id) });
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();
  const onError = useFormErrorHandler(form);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['tokens', org.id] });
    onChanged();
  };

  const issue = async (v: { name: string; expiresInDays: number }) => {
    setBusy(true);
    try {
      const r = await orgsApi.issueToken(org.id, v.name.trim(), v.expiresInDays);
      setIssuing(false);
      setIssued(r);
      refresh();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (tk: TokenView) => {
    try {
      await orgsApi.revokeToken(tk.id);
      message.success(t('tokens.revoked'));
      refresh();
    } catch (e) {
      report(e);
    }
  };

  return (
    <Card
      className="xz-card"
      style={{ marginTop: 16 }}
      title={t('tokens.title')}
      extra={
        <Button icon={<PlusOutlined />} disabled={org.disabled} onClick={() => { form.resetFields(); setIssuing(true); }}>
          {t('tokens.issue')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {tokens.isError ? (
        <LoadError error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : (
        <Table<TokenView>
          size="small"
          rowKey="id"
          loading={tokens.isLoading}
          dataSource={tokens.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyState description={t('tokens.empty')} /> }}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name' },
            { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <span className="xz-mono">{p}…</span> },
            { title: t('users.roles'), dataIndex: 'roles', render: (r: string[]) => <RoleTags roles={r} /> },
            { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => formatDateTime(v) },
            { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.neverUsed')) },
            { title: t('common.status'), dataIndex: 'status', render: (s: TokenView['status']) => <Tag color={STATUS_COLOR[s]}>{t(`tokens.status.${s}`)}</Tag> },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 90,
              render: (_: unknown, tk) =>
                tk.status === 'active' ? (
                  <Popconfirm
                    title={t('tokens.revokeConfirm', { name: tk.name })}
                    description={t('tokens.revokeWarning')}
                    okText={t('tokens.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke(tk)}
                  >
                    <Button type="link" size="small" danger>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}

      <Modal
        open={issuing}
        title={t('tokens.issueTitle', { org: org.name })}
        onCancel={() => setIssuing(false)}
        okText={t('tokens.issue')}
        cancelText={t('common.cancel')}
        okButtonProps={{ htmlType: 'submit', form: 'token-form', loading: busy }}
        destroyOnHidden
      >
        <Form id="token-form" form={form} layout="vertical" onFinish={issue} initialValues={{ expiresInDays: 365 }} disabled={busy}>
          <Form.Item name="name" label={t('tokens.name')} extra={t('tokens.nameHint')} rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }, { min: 2, max: 60, message: t('tokens.nameLength') }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} rules={[{ required: true, type: 'number', min: 1, max: 730, message: t('tokens.expiresRange') }]}>
            <InputNumber min={1} max={730} precision={0} suffix={t('common.days')} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>

      <OnceSecretModal
        open={issued !== null}
        title={t('tokens.issuedTitle')}
        intro={issued && t('tokens.issuedIntro', { name: issued.view.name, date: formatDateTime(issued.view.expiresAt) })}
        values={issued ? [issued.token] : []}
        warning={t('tokens.onceWarning')}
        requireAck
        onClose={() => setIssued(null)}
      />
    </Card>
  );
}
