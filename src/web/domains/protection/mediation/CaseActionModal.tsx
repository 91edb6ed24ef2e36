import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { CITY_CODE } from '../../../../shared/validators/region';
import { isApiError } from '../../../app/api';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from '../api';
import { caseError } from './CaseForm';
import { mediationApi, type CaseAction, type CaseDetail, type DirectoryView } from './api';
import { bodyKindName, specialityName } from './labels';

interface Values {
  handlerId?: string;
  bodyId?: number;
  mediatorId?: number;
  note?: string;
  areaCode?: string;
  scheduledAt?: Dayjs;
  online?: boolean;
  place?: string;
  attendees?: string;
  sessionId?: number;
  heldAt?: Dayjs;
  minutes?: string;
  reason?: string;
  days?: number;
  outcome?: 'settled' | 'not_settled' | 'litigation';
  agreementFileId?: number;
  settledAmount?: number | null;
  courtOrgId?: string;
  confirmed?: boolean;
  rulingNo?: string;
  decidedOn?: Dayjs;
}

const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The request body of a step, from the dialog's fields. */
function bodyOf(action: CaseAction, v: Values): object {
  switch (action) {
    case 'assign':
      return { ...(v.handlerId ? { handlerId: v.handlerId } : {}), ...(v.bodyId ? { bodyId: v.bodyId } : {}), ...(v.mediatorId ? { mediatorId: v.mediatorId } : {}), ...(text(v.note) ? { note: text(v.note) } : {}) };
    case 'transfer':
      return { areaCode: v.areaCode, ...(text(v.note) ? { note: text(v.note) } : {}) };
    case 'schedule':
      return { scheduledAt: v.scheduledAt?.format(), online: !!v.online, place: text(v.place) ?? '', ...(v.mediatorId ? { mediatorId: v.mediatorId } : {}), ...(text(v.attendees) ? { attendees: text(v.attendees) } : {}) };
    case 'record':
      return { minutes: text(v.minutes) ?? '', ...(text(v.attendees) ? { attendees: text(v.attendees) } : {}), ...(v.heldAt ? { heldAt: v.heldAt.format() } : {}) };
    case 'cancel':
    case 'withdraw':
      return { reason: text(v.reason) ?? '' };
    case 'extend':
      return { days: v.days, reason: text(v.reason) ?? '' };
    case 'close':
      return {
        outcome: v.outcome,
        note: text(v.note) ?? '',
        ...(v.outcome === 'settled' && v.agreementFileId ? { agreementFileId: v.agreementFileId } : {}),
        ...(v.outcome === 'settled' && typeof v.settledAmount === 'number' ? { settledAmount: v.settledAmount } : {}),
        ...(v.outcome === 'litigation' && v.courtOrgId ? { courtOrgId: v.courtOrgId } : {}),
      };
    case 'confirm-request':
      return { ...(v.courtOrgId ? { courtOrgId: v.courtOrgId } : {}), ...(text(v.note) ? { note: text(v.note) } : {}) };
    case 'confirm-result':
      return { confirmed: v.confirmed, rulingNo: text(v.rulingNo) ?? '', decidedOn: v.decidedOn?.format('YYYY-MM-DD'), ...(text(v.note) ? { note: text(v.note) } : {}) };
  }
}

const FIELDS = ['handlerId', 'bodyId', 'mediatorId', 'note', 'areaCode', 'scheduledAt', 'online', 'place', 'attendees', 'heldAt', 'minutes', 'reason', 'days', 'outcome', 'agreementFileId', 'settledAmount', 'courtOrgId', 'confirmed', 'rulingNo', 'decidedOn'];

const DANGER: readonly CaseAction[] = ['withdraw', 'cancel'];

/** One step on a case, in a dialog that says what the step does and asks for what it needs. */
export function CaseActionModal({ action, c, sessionId, onClose }: { action: CaseAction; c: CaseDetail; sessionId?: number; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const officerStep = action !== 'confirm-result' || c.actions.includes('reveal');
  const directory = useQuery({ queryKey: ['mediation-directory'], queryFn: ({ signal }) => mediationApi.directory(signal), enabled: officerStep, staleTime: 60_000 });

  const session = c.sessions.find((s) => s.id === sessionId);
  const initial: Values = useMemo(() => {
    switch (action) {
      case 'assign':
        return { handlerId: c.handlerId ?? undefined, bodyId: c.body?.id, mediatorId: c.mediatorId ?? undefined };
      case 'schedule':
        return { online: false, mediatorId: c.mediatorId ?? undefined, scheduledAt: dayjs().add(1, 'day').hour(9).minute(30).second(0).millisecond(0) };
      case 'record':
        return { heldAt: session ? dayjs(session.scheduledAt) : undefined, attendees: session?.attendees ?? undefined };
      case 'close':
        return { outcome: c.sessions.some((s) => s.status === 'held') ? 'settled' : 'not_settled', courtOrgId: c.court?.id };
      case 'confirm-request':
        return { courtOrgId: c.court?.id };
      case 'confirm-result':
        return { confirmed: true, decidedOn: dayjs() };
      default:
        return {};
    }
  }, [action, c, session]);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await mediationApi.act(c.id, action, bodyOf(action, v), sessionId);
      queryClient.setQueryData(['mediation-case', c.id], next);
      void queryClient.invalidateQueries({ queryKey: ['mediation-cases'] });
      void queryClient.invalidateQueries({ queryKey: ['mediation-stats'] });
      void queryClient.invalidateQueries({ queryKey: ['mediation-referrals'] });
      message.success(t('md.done', { action: t(`md.action.${action}`) }));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        message.warning({ content: `${e.message} ${t('md.conflict')}`, duration: 6 });
        void queryClient.invalidateQueries({ queryKey: ['mediation-case', c.id] });
        onClose();
        return;
      }
      setProblem(caseError(form, e, lang, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`md.dialog.${action}`)}
      okText={t(`md.action.${action}`)}
      okButtonProps={{ danger: DANGER.includes(action), loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={action === 'close' || action === 'assign' || action === 'schedule' || action === 'record' ? 680 : 560}
      mask={{ closable: false }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={initial} preserve={false}>
        <Fields action={action} c={c} directory={directory.data} sessionId={sessionId} />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}

function Fields({ action, c, directory, sessionId }: { action: CaseAction; c: CaseDetail; directory: DirectoryView | undefined; sessionId?: number }) {
  const { t } = useI18n();
  const note = (label = t('md.noteOptional')) => (
    <Form.Item name="note" label={label} rules={[{ max: 500 }]}>
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
  const reason = (label: string) => (
    <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('md.reasonRequired') }, { max: 500 }]}>
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
  const session = c.sessions.find((s) => s.id === sessionId);
  switch (action) {
    case 'assign':
      return <AssignFields c={c} directory={directory} />;
    case 'transfer':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('md.transferIntro', { area: c.areaName })}</Typography.Paragraph>
          <Form.Item name="areaCode" label={t('prd.area')} rules={[{ required: true, message: t('prd.areaRequired') }]}>
            <AreaSelect filter={(a) => a.code !== c.areaCode} />
          </Form.Item>
          {note()}
        </>
      );
    case 'schedule':
      return <ScheduleFields c={c} directory={directory} />;
    case 'record':
      return (
        <>
          <Typography.Paragraph type="secondary">
            {t('md.recordIntro', { n: session?.seq ?? '', time: formatDateTime(session?.scheduledAt), place: session?.place ?? '' })}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="heldAt" label={t('md.heldAt')} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="attendees" label={t('md.attendees')} rules={[{ max: 500 }]}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="minutes" label={t('md.minutes')} extra={t('md.minutesHint')} rules={[{ required: true, whitespace: true, message: t('md.minutesRequired') }, { max: 6000 }]}>
            <Input.TextArea rows={6} maxLength={6000} showCount />
          </Form.Item>
        </>
      );
    case 'cancel':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('md.cancelIntro', { n: session?.seq ?? '', time: formatDateTime(session?.scheduledAt) })}</Typography.Paragraph>
          {reason(t('md.cancelReason'))}
        </>
      );
    case 'extend':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('md.extendIntro', { due: formatDate(c.mediationDue), days: c.extendedDays })}</Typography.Paragraph>
          <Form.Item name="days" label={t('md.extendDays')} rules={[{ required: true, message: t('md.extendDaysRequired') }]}>
            <InputNumber<number> min={1} max={90} precision={0} suffix={t('common.days')} style={{ width: 160 }} />
          </Form.Item>
          {reason(t('md.extendReason'))}
        </>
      );
    case 'close':
      return <CloseFields c={c} directory={directory} />;
    case 'withdraw':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('md.withdrawIntro')}</Typography.Paragraph>
          {reason(t('md.withdrawReason'))}
        </>
      );
    case 'confirm-request':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('md.confirmRequestIntro', { date: formatDate(c.confirmationDetail.requestDue) })}</Typography.Paragraph>
          <CourtSelect directory={directory} required={!c.court} />
          {note()}
        </>
      );
    case 'confirm-result':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('md.confirmResultIntro')}</Typography.Paragraph>
          <Form.Item name="confirmed" label={t('md.confirmRuling')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: true, label: t('md.confirm.confirmed') }, { value: false, label: t('md.confirm.refused') }]} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="rulingNo" label={t('md.rulingNo')} extra={t('md.rulingNoHint')} rules={[{ required: true, whitespace: true, message: t('md.rulingNoRequired') }, { max: 60 }]}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="decidedOn" label={t('md.decidedOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
          {note()}
        </>
      );
  }
}

function AssignFields({ c, directory }: { c: CaseDetail; directory: DirectoryView | undefined }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const bodyId = Form.useWatch('bodyId') as number | undefined;
  const bodies = (directory?.bodies ?? []).filter((b) => b.active || b.id === c.body?.id);
  const body = bodies.find((b) => b.id === bodyId);
  const handlers = (directory?.handlers ?? []).filter((h) => h.areaCode === c.areaCode || h.areaCode === CITY_CODE);
  return (
    <>
      <Typography.Paragraph type="secondary">{c.status === 'received' ? t('md.assignIntro', { date: formatDate(c.assignDue) }) : t('md.reassignIntro')}</Typography.Paragraph>
      <Form.Item name="handlerId" label={t('md.handler')} extra={t('md.handlerHint')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={!directory} placeholder={t('md.handlerSelf')} options={handlers.map((h) => ({ value: h.id, label: h.name }))} />
      </Form.Item>
      <Form.Item name="bodyId" label={t('md.body')} extra={t('md.bodyHint')}>
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={!directory}
          placeholder={t('md.bodyNone')}
          onChange={() => form.setFieldValue('mediatorId', undefined)}
          options={(['mediation', 'arbitration', 'notary'] as const)
            .map((k) => ({
              label: bodyKindName(t, k),
              title: bodyKindName(t, k),
              options: bodies.filter((b) => b.kind === k).map((b) => ({ value: b.id, label: `${b.name}（${b.areaName}）` })),
            }))
            .filter((g) => g.options.length > 0)}
        />
      </Form.Item>
      {body && (
        <Form.Item name="mediatorId" label={t('md.mediator')}>
          <Select<number>
            allowClear
            placeholder={t('md.mediatorAny')}
            options={body.mediators
              .filter((m) => m.active)
              .map((m) => ({
                value: m.id,
                label: (
                  <span>
                    {m.name}
                    {m.title && <span className="xz-muted">（{m.title}）</span>} {m.specialities.map((s) => <Tag key={s} className="xz-tag-inline">{specialityName(t, s)}</Tag>)}
                    <span className="xz-muted"> · {t('md.openCases', { n: m.openCases })}</span>
                  </span>
                ),
              }))}
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('md.noteOptional')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

function ScheduleFields({ c, directory }: { c: CaseDetail; directory: DirectoryView | undefined }) {
  const { t } = useI18n();
  const online = Form.useWatch('online') as boolean | undefined;
  const body = directory?.bodies.find((b) => b.id === c.body?.id);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('md.scheduleIntro', { due: formatDate(c.mediationDue) })}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="scheduledAt" label={t('md.scheduledAt')} rules={[{ required: true, message: t('md.scheduledAtRequired') }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="online" label={t('md.online')} valuePropName="checked">
            <Switch checkedChildren={t('md.onlineYes')} unCheckedChildren={t('md.onlineNo')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="place" label={online ? t('md.placeOnline') : t('md.place')} rules={[{ required: true, whitespace: true, message: t('md.placeRequired') }, { max: 200 }]}>
        <Input maxLength={200} placeholder={online ? t('md.placeOnlineHint') : (body?.address ?? undefined)} />
      </Form.Item>
      {body && body.mediators.length > 0 && (
        <Form.Item name="mediatorId" label={t('md.mediator')}>
          <Select<number> allowClear options={body.mediators.filter((m) => m.active).map((m) => ({ value: m.id, label: m.title ? `${m.name}（${m.title}）` : m.name }))} />
        </Form.Item>
      )}
      <Form.Item name="attendees" label={t('md.attendees')} extra={t('md.attendeesHint')} rules={[{ max: 500 }]}>
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

function CourtSelect({ directory, required }: { directory: DirectoryView | undefined; required: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item name="courtOrgId" label={t('md.court')} rules={required ? [{ required: true, message: t('md.courtRequired') }] : []}>
      <Select allowClear={!required} loading={!directory} options={(directory?.courts ?? []).map((x) => ({ value: x.id, label: x.name }))} />
    </Form.Item>
  );
}

function CloseFields({ c, directory }: { c: CaseDetail; directory: DirectoryView | undefined }) {
  const { t } = useI18n();
  const outcome = Form.useWatch('outcome') as Values['outcome'];
  const held = c.sessions.some((s) => s.status === 'held');
  return (
    <>
      <Form.Item name="outcome" label={t('md.outcome')} rules={[{ required: true }]} extra={held ? undefined : t('md.settledNeedsSession')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'settled', label: t('md.outcome.settled'), disabled: !held },
            { value: 'not_settled', label: t('md.outcome.not_settled') },
            { value: 'litigation', label: t('md.outcome.litigation') },
          ]}
        />
      </Form.Item>
      {outcome === 'settled' && (
        <>
          <Form.Item name="agreementFileId" label={t('md.agreement')} extra={t('md.agreementHint')} rules={[{ required: true, message: t('md.agreementRequired') }]}>
            <AgreementUpload caseId={c.id} />
          </Form.Item>
          <Form.Item name="settledAmount" label={t('md.settledAmount')}>
            <InputNumber<number> min={0} max={1e11} precision={2} suffix={t('prd.yuan')} style={{ width: 220 }} />
          </Form.Item>
        </>
      )}
      {outcome === 'litigation' && <CourtSelect directory={directory} required={!c.court} />}
      <Form.Item
        name="note"
        label={outcome === 'settled' ? t('md.noteSettled') : t('md.noteNotSettled')}
        rules={[{ required: true, whitespace: true, message: t('md.noteRequired') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      {c.court && <Alert type="info" showIcon title={t('md.courtWillSee', { court: c.court.name })} />}
    </>
  );
}

/** The signed agreement: uploaded to the case at once (entered in its chain); the field holds the file's id. */
function AgreementUpload({ caseId, value, onChange }: { caseId: number; value?: number; onChange?: (id: number | undefined) => void }) {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [name, setName] = useState<string | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <Upload.Dragger
      accept={EVIDENCE_ACCEPT}
      maxCount={1}
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > EVIDENCE_MAX_BYTES) {
          message.error(t('pub.fileTooLarge', { name: file.name, mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file }) => {
        setPercent(0);
        mediationApi
          .attach(caseId, file as File, { purpose: 'agreement' }, setPercent)
          .then((detail) => {
            queryClient.setQueryData(['mediation-case', caseId], detail);
            const f = detail.files.filter((x) => x.purpose === 'agreement').sort((a, b) => b.id - a.id)[0];
            if (f) {
              setName(f.name);
              onChange?.(f.id);
            }
          })
          .catch((e: unknown) => message.error(isApiError(e) ? e.message : t('error.unexpected')))
          .finally(() => setPercent(null));
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <p className="ant-upload-text" data-testid="agreement-upload">
        {percent !== null ? t('md.uploading', { percent }) : value && name ? t('md.agreementUploaded', { name }) : t('md.agreementDrop')}
      </p>
      <p className="ant-upload-hint">{t('md.agreementTypes', { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 })}</p>
    </Upload.Dragger>
  );
}
