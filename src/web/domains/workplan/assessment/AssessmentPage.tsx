import { AuditOutlined, CalculatorOutlined, CheckCircleOutlined, CopyOutlined, DownloadOutlined, PlusOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { useReportError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useUser } from '../../../app/session';
import { assessmentApi, type RubricView } from './api';
import { CommendationsTab } from './CommendationsTab';
import { EntriesTab } from './EntriesTab';
import { StatusTag } from './labels';
import { ResultsTab } from './ResultsTab';
import { RubricTab } from './RubricTab';

/** 考核评价: the year's rubric, the scores and ranking, hand scores, and commendations. */
export default function AssessmentPage() {
  const { t } = useI18n();
  const user = useUser();
  const canManage = user.permissions.includes('assessment.manage');
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const tab = params.get('tab') ?? 'results';
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ action: 'review' | 'return' } | null>(null);
  const [noteForm] = Form.useForm<{ note?: string }>();
  const rubric = useQuery({ queryKey: ['assessment', year], queryFn: ({ signal }) => assessmentApi.get(year, signal), retry: (n, e) => !isNotFound(e) && n < 2 });
  const years = useQuery({ queryKey: ['assessment-years'], queryFn: ({ signal }) => assessmentApi.years(signal) });
  const data = rubric.data;
  const missing = rubric.isError && isNotFound(rubric.error);

  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v === null) next.delete(k);
    else next.set(k, v);
    setParams(next, { replace: true });
  };
  const refresh = (v: RubricView) => {
    client.setQueryData(['assessment', year], v);
    void client.invalidateQueries({ queryKey: ['assessment-results', year] });
    void client.invalidateQueries({ queryKey: ['assessment-years'] });
    void client.invalidateQueries({ queryKey: ['assessment-card', year] });
  };
  const act = async (key: string, fn: () => Promise<RubricView>, done: string) => {
    setBusy(key);
    try {
      refresh(await fn());
      message.success(done);
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };

  const yearOptions = Array.from(new Set([thisYear + 1, thisYear, ...(years.data?.items.map((y) => y.year) ?? []), year])).sort((a, b) => b - a);
  const actions = data?.actions ?? [];
  const published = data?.status === 'published';
  const extra = (
    <Space wrap>
      {data && <StatusTag status={data.status} />}
      {actions.includes('compute') && (
        <Button type={data?.status === 'draft' ? 'primary' : 'default'} icon={<CalculatorOutlined />} loading={busy === 'compute'} onClick={() => act('compute', () => assessmentApi.compute(year), t('asm.computedOk'))}>
          {data?.currentRun ? t('asm.recompute') : t('asm.compute')}
        </Button>
      )}
      {actions.includes('review') && (
        <Button type="primary" icon={<AuditOutlined />} onClick={() => setNote({ action: 'review' })}>
          {t('asm.review')}
        </Button>
      )}
      {actions.includes('return') && (
        <Button icon={<RollbackOutlined />} onClick={() => setNote({ action: 'return' })}>
          {t('asm.return')}
        </Button>
      )}
      {actions.includes('publish') && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy === 'publish'}
          onClick={() =>
            modal.confirm({ title: t('asm.publishConfirm', { year }), content: t('asm.publishHint'), okText: t('asm.publish'), onOk: () => act('publish', () => assessmentApi.publish(year), t('asm.publishedOk')) })
          }
        >
          {t('asm.publish')}
        </Button>
      )}
      {actions.includes('check') && (
        <Button icon={<CheckCircleOutlined />} loading={busy === 'check'} onClick={() => act('check', () => assessmentApi.compute(year), t('asm.checkedOk'))}>
          {t('asm.check')}
        </Button>
      )}
      {data && (data.publishedRun || data.currentRun) && (
        <Button icon={<DownloadOutlined />} href={assessmentApi.exportUrl(year)}>
          {t('asm.export')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('asm.title')} subtitle={t('asm.subtitle')} extra={extra} />
      <FilterBar>
        <Form.Item label={t('asm.year')}>
          <Select style={{ width: 110 }} value={year} onChange={(v) => setParams(v === thisYear ? {} : { year: String(v) }, { replace: true })} options={yearOptions.map((y) => ({ value: y, label: t('asm.yearLabel', { year: y }) }))} />
        </Form.Item>
        {data && (
          <Typography.Text type="secondary">
            {data.title}
          </Typography.Text>
        )}
      </FilterBar>
      {missing ? (
        <Card>
          <EmptyState
            description={canManage ? t('asm.noRubricManage', { year }) : t('asm.noRubric', { year })}
            action={
              canManage && (
                <Space>
                  <Button type="primary" icon={<CopyOutlined />} loading={busy === 'copy'} onClick={() => act('copy', () => assessmentApi.copy(year, year - 1), t('asm.copiedOk', { year: year - 1 }))}>
                    {t('asm.copyLast', { year: year - 1 })}
                  </Button>
                  <Button icon={<PlusOutlined />} onClick={() => setParam('tab', 'new')}>
                    {t('asm.newRubric')}
                  </Button>
                </Space>
              )
            }
          />
          {canManage && tab === 'new' && <RubricTab year={year} data={null} onSaved={(v) => { refresh(v); setParam('tab', 'rubric'); }} />}
        </Card>
      ) : rubric.isError ? (
        <LoadError error={rubric.error} onRetry={() => rubric.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {data.inputsChanged && (
            <Alert
              type="warning"
              showIcon
              message={t('asm.changedTitle', { at: data.inputsChanged.checkedAt.slice(0, 16).replace('T', ' ') })}
              description={
                <>
                  <div>{t('asm.changedHint')}</div>
                  <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                    {data.inputsChanged.changes.slice(0, 12).map((c, i) => (
                      <li key={i}>{c.indicatorId === null ? t('asm.changedRubric') : t('asm.changedLine', { area: c.areaName, indicator: c.indicator, before: c.before ?? '—', after: c.after ?? '—' })}</li>
                    ))}
                  </ul>
                  {data.inputsChanged.changes.length > 12 && <div>{t('asm.changedMore', { n: data.inputsChanged.changes.length - 12 })}</div>}
                </>
              }
            />
          )}
          {data.status !== 'published' && !canManage && <Alert type="info" showIcon message={user.areaScope === '411500' ? t('asm.notPublishedCity') : t('asm.notPublishedArea')} />}
          <Tabs
            activeKey={tab === 'new' ? 'rubric' : tab}
            onChange={(k) => setParam('tab', k === 'results' ? null : k)}
            items={[
              { key: 'results', label: t('asm.tabResults'), children: <ResultsTab year={year} rubric={data} /> },
              { key: 'rubric', label: t('asm.tabRubric'), children: <RubricTab year={year} data={data} onSaved={refresh} /> },
              ...(canManage ? [{ key: 'entries', label: t('asm.tabEntries'), children: <EntriesTab year={year} data={data} onSaved={refresh} /> }] : []),
              { key: 'commendations', label: t('asm.tabCommendations'), children: <CommendationsTab year={year} canManage={canManage} /> },
            ]}
          />
          {published && data.publishedAt && (
            <Typography.Text type="secondary">{t('asm.publishedBy', { who: data.publishedBy ?? '—', at: data.publishedAt.slice(0, 10) })}</Typography.Text>
          )}
        </Space>
      )}
      <Modal
        open={!!note}
        title={note?.action === 'review' ? t('asm.review') : t('asm.return')}
        okText={note?.action === 'review' ? t('asm.reviewOk') : t('asm.return')}
        confirmLoading={!!busy}
        onCancel={() => setNote(null)}
        onOk={async () => {
          const v = await noteForm.validateFields();
          const action = note?.action;
          await act(action ?? 'review', () => (action === 'return' ? assessmentApi.returnToDraft(year, v.note) : assessmentApi.review(year, v.note)), action === 'return' ? t('asm.returnedOk') : t('asm.reviewedOk'));
          setNote(null);
          noteForm.resetFields();
        }}
      >
        <Typography.Paragraph type="secondary">{note?.action === 'review' ? t('asm.reviewHint') : t('asm.returnHint')}</Typography.Paragraph>
        <Form form={noteForm} layout="vertical">
          <Form.Item name="note" label={t('asm.note')} rules={note?.action === 'return' ? [{ required: true, message: t('asm.noteRequired') }] : []}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
