import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { formatTrackingCode, normaliseTrackingCode, TRACKING_ALPHABET } from '../../../../../shared/protection/reports';
import { isApiError } from '../../../../app/api';
import { errorText } from '../../../../app/errors';
import { formatDate, formatDateTime } from '../../../../app/format';
import { useI18n } from '../../../../app/i18n';
import { rightKindName } from '../../labels';
import { PublicTitle } from '../../public/PublicTitle';
import { publicMediationApi, type TrackView } from '../api';
import { OUTCOME_COLOR, kindName, outcomeName } from '../labels';

const CODE_PATTERN = new RegExp(`^[${TRACKING_ALPHABET}]{20}$`);

/** 维权援助进度查询: the applicant follows the case by its tracking code: stage, mediation body, next session, outcome. */
export default function MediationTrackPage() {
  const { t } = useI18n();
  const location = useLocation();
  const [form] = Form.useForm<{ code: string }>();
  const [view, setView] = useState<TrackView | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t('md.pub.trackTitle')} · ${t('app.name')}`;
  }, [t]);

  const look = useCallback(
    async (raw: string) => {
      const c = normaliseTrackingCode(raw);
      setBusy(true);
      setProblem(null);
      try {
        setView(await publicMediationApi.track(c));
        setCode(c);
        form.setFieldValue('code', formatTrackingCode(c));
        requestAnimationFrame(() => resultRef.current?.focus());
      } catch (e) {
        setView(null);
        setProblem(isApiError(e) && e.status === 404 ? t('pub.codeUnknown') : errorText(e, t('error.unexpected')));
      } finally {
        setBusy(false);
      }
    },
    [t, form],
  );

  // Straight from the receipt: the code comes in the page's history state, never in the address.
  const fromReceipt = (location.state as { code?: unknown } | null)?.code;
  useEffect(() => {
    if (typeof fromReceipt === 'string') void look(fromReceipt);
  }, [fromReceipt, look]);

  return (
    <>
      <PublicTitle title={t('md.pub.trackTitle')} intro={t('md.pub.trackIntro')} />
      <Card className="xz-public-card">
        <Form form={form} layout="vertical" onFinish={(v) => look(v.code)} requiredMark={false}>
          <Form.Item
            name="code"
            label={t('pub.trackingCode')}
            extra={t('pub.codeHint')}
            rules={[
              { required: true, whitespace: true, message: t('pub.codeRequired') },
              {
                validator: async (_r, v: string | undefined) => {
                  if (v && v.trim() && !CODE_PATTERN.test(normaliseTrackingCode(v))) throw new Error(t('pub.codeShape'));
                },
              },
            ]}
          >
            <Input size="large" className="xz-mono" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX" autoComplete="off" spellCheck={false} autoCapitalize="characters" maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy}>
            {t('pub.trackButton')}
          </Button>
        </Form>
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 16 }} />}
      </Card>
      {view && code && (
        <div ref={resultRef} tabIndex={-1} className="xz-track-result">
          <Progress view={view} busy={busy} onRefresh={() => look(code)} />
        </div>
      )}
    </>
  );
}

function Progress({ view, busy, onRefresh }: { view: TrackView; busy: boolean; onRefresh: () => void }) {
  const { t } = useI18n();
  const at = (s: string) => view.timeline.find((e) => e.status === s)?.at;
  const current = view.status === 'received' ? 1 : view.status === 'closed' ? 3 : 2;
  const items = [
    { title: t('md.step.received'), content: formatDateTime(view.receivedAt) },
    { title: t('md.step.assigned'), content: at('assigned') ? formatDateTime(at('assigned')) : t('md.by', { date: formatDate(view.assignDue) }) },
    { title: t('md.step.in_mediation'), content: at('in_mediation') ? formatDateTime(at('in_mediation')) : undefined },
    { title: view.outcome ? outcomeName(t, view.outcome) : t('md.step.closed'), content: view.closedAt ? formatDateTime(view.closedAt) : undefined },
  ];
  return (
    <Card
      className="xz-public-card"
      title={<h2 className="xz-public-h2">{t('pub.progressTitle')}</h2>}
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={onRefresh} loading={busy}>
          {t('pub.refresh')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <div className="xz-track-status" data-testid="track-status">
          <span>{t('pub.currentStatus')}</span>
          <Tag color={view.outcome ? OUTCOME_COLOR[view.outcome] : 'blue'} className="xz-track-status-tag">
            {view.outcome ? outcomeName(t, view.outcome) : t(`md.pub.status.${view.status}`)}
          </Tag>
        </div>
        <Steps items={items} current={current} status={view.status === 'closed' ? 'finish' : 'process'} responsive size="small" />
        {view.nextSession && (
          <Alert
            type="info"
            showIcon
            title={t('md.pub.nextSession', { time: formatDateTime(view.nextSession.scheduledAt) })}
            description={`${view.nextSession.online ? `${t('md.onlineYes')} · ` : ''}${view.nextSession.place}`}
          />
        )}
        {view.status === 'closed' && view.outcomeNote && <Alert type={view.outcome === 'settled' ? 'success' : 'info'} showIcon title={t('md.outcomeTitle')} description={<div className="xz-pre">{view.outcomeNote}</div>} />}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'ref', label: t('md.ref'), children: <span className="xz-mono">{view.ref}</span> },
            { key: 'kind', label: t('md.field.kind'), children: kindName(t, view.kind) },
            { key: 'right', label: t('pr.rightKind'), children: rightKindName(t, view.rightKind) },
            { key: 'area', label: t('pub.handledBy'), children: view.areaName },
            { key: 'body', label: t('md.body'), children: view.bodyName ?? t('md.pub.bodyPending') },
            { key: 'due', label: t('md.mediationDue'), children: formatDate(view.mediationDue) },
          ]}
        />
        <Typography.Text type="secondary" className="xz-small">
          {t('md.pub.trackPrivacy')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
