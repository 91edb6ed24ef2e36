import { SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Card, Col, Divider, Form, Input, Modal, Row, Select, Typography, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { SearchInput } from '../../../app/ui/SearchInput';
import { LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { parseCourtCaseNo } from '../../../../shared/protection/mediation';
import { mediationApi, type CaseQuery } from './api';
import { CASE_FIELDS, CaseFields, PartyList, caseCore, caseError, partyBodies, type CaseValues } from './CaseForm';
import { MEDIATION_OUTCOMES, MEDIATION_STATUSES, outcomeName, statusName } from './labels';
import { CaseTable } from './MediationListPage';

const KEYS = ['status', 'outcome', 'q'] as const;
const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

/** 诉调对接 (the court): cases it referred for pre-litigation mediation or that were sent to it, their outcomes, and a new referral. */
export default function ReferralsPage() {
  const { t } = useI18n();
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(KEYS);
  const [referring, setReferring] = useState(false);
  const query: CaseQuery = { page, pageSize, status: pick(MEDIATION_STATUSES, filters.status), outcome: pick(MEDIATION_OUTCOMES, filters.outcome), q: filters.q };
  const list = useQuery({ queryKey: ['mediation-referrals', query], queryFn: ({ signal }) => mediationApi.referrals(query, signal), placeholderData: (prev) => prev });
  const court = list.data?.court;
  const active = KEYS.filter((k) => filters[k]).length;

  return (
    <>
      <PageHeader
        title={t('nav.mediationReferrals')}
        subtitle={court ? t('md.court.subtitle', { court: court.name }) : t('md.court.subtitleOther')}
        extra={
          court ? (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setReferring(true)}>
              {t('md.court.refer')}
            </Button>
          ) : null
        }
      />
      {list.data && !court && <Alert type="info" showIcon title={t('md.court.notCourt')} className="xz-card" />}
      <Card size="small" className="xz-pr-list">
        <FilterBar active={active} onReset={clear}>
          <Form.Item label={t('common.search')}>
            <SearchInput allowClear defaultValue={filters.q} key={filters.q ?? ''} placeholder={t('md.court.searchPlaceholder')} onSearch={(q) => setFilters({ q })} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('common.status')}>
            <Select allowClear style={{ width: 120 }} value={query.status} placeholder={t('common.all')} onChange={(v) => setFilters({ status: v })} options={MEDIATION_STATUSES.map((s) => ({ value: s, label: statusName(t, s) }))} />
          </Form.Item>
          <Form.Item label={t('md.outcome')}>
            <Select allowClear style={{ width: 120 }} value={query.outcome} placeholder={t('common.all')} onChange={(v) => setFilters({ outcome: v })} options={MEDIATION_OUTCOMES.map((s) => ({ value: s, label: outcomeName(t, s) }))} />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <CaseTable
            items={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            empty={active > 0 ? t('md.emptyFiltered') : t('md.court.empty')}
            detailPath={(id) => `/protection/mediation/referrals/${id}`}
            forCourt
          />
        )}
        <Typography.Paragraph type="secondary" className="xz-small xz-footnote">
          {t('md.court.apiNote')}
        </Typography.Paragraph>
      </Card>
      {referring && <ReferModal onClose={() => setReferring(false)} />}
    </>
  );
}

type ReferValues = CaseValues & { courtCaseNo?: string; judge?: string };

function ReferModal({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReferValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: ReferValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const { kind: _k, ...core } = caseCore(v);
      const sent = await mediationApi.refer({ ...core, applicants: partyBodies(v.applicants), courtCaseNo: v.courtCaseNo?.trim() ?? '', ...(v.judge?.trim() ? { judge: v.judge.trim() } : {}) });
      void queryClient.invalidateQueries({ queryKey: ['mediation-referrals'] });
      message.success(t('md.court.referred', { ref: sent.ref }));
      onClose();
      navigate(`/protection/mediation/referrals/${sent.id}`);
    } catch (e) {
      setProblem(caseError(form, e, lang, [...CASE_FIELDS, 'courtCaseNo', 'judge'], t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('md.court.referTitle')} okText={t('md.court.referSubmit')} okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={onClose} width={880} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">{t('md.court.referIntro')}</Typography.Paragraph>
      <Form<ReferValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => setProblem(t('pub.fixFields'))}
        disabled={busy}
        initialValues={{ kind: 'mediation', applicants: [{ kind: 'org' }], respondents: [{ kind: 'org' }] }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="courtCaseNo"
              label={t('md.courtCaseNo')}
              extra={t('md.court.caseNoHint')}
              rules={[
                { required: true, whitespace: true, message: t('md.court.caseNoRequired') },
                {
                  validator: async (_r, v: string | undefined) => {
                    if (!v || !v.trim()) return;
                    const r = parseCourtCaseNo(v);
                    if (!r.ok) throw new Error(r.message[lang]);
                  },
                },
              ]}
            >
              <Input maxLength={60} placeholder="（2026）豫15民诉前调123号" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="judge" label={t('md.court.judge')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <CaseFields kindChoice={false} />
        <Divider titlePlacement="start">{t('md.applicants')}</Divider>
        <PartyList name="applicants" title={t('md.applicant')} />
        <Divider titlePlacement="start">{t('md.respondents')}</Divider>
        <PartyList name="respondents" title={t('md.respondent')} />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
