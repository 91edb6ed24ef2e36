import { EditOutlined, EyeOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Checkbox, Col, Flex, Form, Input, Modal, Radio, Row, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { mobileRule } from '../forms';
import { mediationApi, type BodyView, type MediatorView } from './api';
import { caseError } from './CaseForm';
import { BODY_KINDS, SPECIALITIES, bodyKindName, specialityName } from './labels';

const KIND_COLOR: Record<BodyView['kind'], string> = { mediation: 'blue', arbitration: 'purple', notary: 'cyan' };

/** 调解组织名录: mediation, arbitration and notary bodies with their mediators; the city office keeps it. */
export default function BodiesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const manage = can('mediation.directory');
  const result = useQuery({ queryKey: ['mediation-directory'], queryFn: ({ signal }) => mediationApi.directory(signal) });
  const [bodyDialog, setBodyDialog] = useState<BodyView | 'new' | null>(null);
  const [mediatorDialog, setMediatorDialog] = useState<{ body: BodyView; mediator?: MediatorView } | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.mediationBodies')}
        subtitle={manage ? t('md.dir.subtitleManage') : t('md.dir.subtitleRead')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setBodyDialog('new')}>
              {t('md.dir.addBody')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        {result.isError ? (
          <LoadError error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <Table<BodyView>
            rowKey="id"
            size="middle"
            loading={result.isLoading}
            dataSource={result.data?.bodies ?? []}
            pagination={false}
            scroll={{ x: 1080 }}
            rowClassName={(b) => (b.active ? '' : 'xz-row-muted')}
            locale={{ emptyText: <EmptyState description={t('md.dir.empty')} /> }}
            expandable={{
              defaultExpandAllRows: false,
              expandedRowRender: (b) => <Mediators body={b} manage={manage} onEdit={(m) => setMediatorDialog({ body: b, mediator: m })} />,
              rowExpandable: () => true,
            }}
            columns={[
              {
                title: t('md.dir.name'),
                dataIndex: 'name',
                render: (name: string, b) => (
                  <Flex vertical gap={2} align="flex-start">
                    <strong>{name}</strong>
                    <span>
                      <Tag color={KIND_COLOR[b.kind]}>{bodyKindName(t, b.kind)}</Tag>
                      {!b.active && <Tag>{t('md.dir.inactive')}</Tag>}
                      {b.synthetic && (
                        <Tooltip title={t('md.dir.syntheticHint')}>
                          <Tag color="orange" tabIndex={0}>
                            {t('md.dir.synthetic')}
                          </Tag>
                        </Tooltip>
                      )}
                    </span>
                  </Flex>
                ),
              },
              { title: t('prl.area'), dataIndex: 'areaName', width: 96 },
              {
                title: t('md.dir.contact'),
                key: 'contact',
                width: 240,
                render: (_v, b) => (
                  <Flex vertical gap={0}>
                    <span>{b.address ?? '—'}</span>
                    {b.phone && <span className="xz-num xz-small">{b.phone}</span>}
                  </Flex>
                ),
              },
              { title: t('md.dir.scope'), dataIndex: 'scope', render: (v: string | null) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>{v ?? '—'}</Typography.Paragraph> },
              { title: t('md.dir.mediators'), key: 'mediators', width: 86, align: 'right', render: (_v, b) => <span className="xz-num">{b.mediators.filter((m) => m.active).length}</span> },
              { title: t('md.dir.openCases'), dataIndex: 'openCases', width: 86, align: 'right', render: (n: number) => <span className="xz-num">{n}</span> },
              ...(manage
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: 170,
                      render: (_v: unknown, b: BodyView) => (
                        <Flex gap={4} wrap="wrap">
                          <Button size="small" icon={<EditOutlined />} onClick={() => setBodyDialog(b)}>
                            {t('common.edit')}
                          </Button>
                          <Button size="small" icon={<UserAddOutlined />} onClick={() => setMediatorDialog({ body: b })}>
                            {t('md.dir.addMediator')}
                          </Button>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" className="xz-small xz-footnote">
          {t('md.dir.footnote')}
        </Typography.Paragraph>
      </Card>
      {bodyDialog && <BodyModal body={bodyDialog === 'new' ? null : bodyDialog} onClose={() => setBodyDialog(null)} />}
      {mediatorDialog && <MediatorModal body={mediatorDialog.body} mediator={mediatorDialog.mediator ?? null} onClose={() => setMediatorDialog(null)} />}
    </>
  );
}

function Mediators({ body, manage, onEdit }: { body: BodyView; manage: boolean; onEdit: (m: MediatorView) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  if (body.mediators.length === 0) return <Typography.Text type="secondary">{t('md.dir.noMediators')}</Typography.Text>;
  return (
    <Table<MediatorView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={body.mediators}
      rowClassName={(m) => (m.active ? '' : 'xz-row-muted')}
      columns={[
        {
          title: t('md.mediator'),
          dataIndex: 'name',
          render: (name: string, m) => (
            <span>
              {name}
              {m.title && <span className="xz-muted">（{m.title}）</span>}
              {!m.active && <Tag className="xz-tag-inline">{t('md.dir.inactive')}</Tag>}
            </span>
          ),
        },
        { title: t('md.dir.specialities'), dataIndex: 'specialities', render: (list: string[]) => (list.length ? list.map((s) => <Tag key={s}>{specialityName(t, s)}</Tag>) : '—') },
        { title: t('md.party.phone'), key: 'phone', width: 190, render: (_v, m) => <MediatorPhone m={m} canReveal={can('protection.reveal')} /> },
        { title: t('md.dir.openCases'), dataIndex: 'openCases', width: 86, align: 'right', render: (n: number) => <span className="xz-num">{n}</span> },
        ...(manage
          ? [
              {
                title: '',
                key: 'edit',
                width: 80,
                render: (_v: unknown, m: MediatorView) => (
                  <Button size="small" type="link" onClick={() => onEdit(m)}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function MediatorPhone({ m, canReveal }: { m: MediatorView; canReveal: boolean }) {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const [shown, setShown] = useState<string | null>(null);
  if (!m.phone) return <span className="xz-muted">—</span>;
  return (
    <Flex gap={4} align="center">
      <span className="xz-num">{shown ?? m.phone}</span>
      {canReveal && !shown && (
        <Tooltip title={t('md.dir.revealHint')}>
          <Button
            size="small"
            type="text"
            icon={<EyeOutlined />}
            aria-label={t('prd.reveal')}
            onClick={() =>
              mediationApi
                .revealMediator(m.id)
                .then((r) => setShown(r.phone))
                .catch(() => message.error(t('error.unexpected')))
            }
          />
        </Tooltip>
      )}
    </Flex>
  );
}

interface BodyFields {
  name?: string;
  kind?: BodyView['kind'];
  areaCode?: string;
  address?: string;
  phone?: string;
  scope?: string;
  active?: boolean;
}

function BodyModal({ body, onClose }: { body: BodyView | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BodyFields>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: BodyFields) => {
    setBusy(true);
    setProblem(null);
    try {
      const payload = {
        name: v.name?.trim() ?? '',
        kind: v.kind ?? 'mediation',
        areaCode: v.areaCode ?? '',
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.scope?.trim() ? { scope: v.scope.trim() } : {}),
        active: v.active ?? true,
      };
      if (body) await mediationApi.updateBody(body.id, payload);
      else await mediationApi.createBody(payload);
      void queryClient.invalidateQueries({ queryKey: ['mediation-directory'] });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      setProblem(caseError(form, e, lang, ['name', 'kind', 'areaCode', 'address', 'phone', 'scope', 'active'], t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={body ? t('md.dir.editBody') : t('md.dir.addBody')} okText={t('common.save')} okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={onClose} width={640} destroyOnHidden mask={{ closable: false }}>
      <Form<BodyFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={body ? { name: body.name, kind: body.kind, areaCode: body.areaCode, address: body.address ?? undefined, phone: body.phone ?? undefined, scope: body.scope ?? undefined, active: body.active } : { kind: 'mediation', active: true }}
      >
        <Form.Item name="name" label={t('md.dir.name')} rules={[{ required: true, whitespace: true, message: t('md.form.nameRequired') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="kind" label={t('md.dir.kind')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={BODY_KINDS.map((k) => ({ value: k, label: bodyKindName(t, k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="areaCode" label={t('prl.area')} rules={[{ required: true, message: t('prd.areaRequired') }]}>
              <AreaSelect />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('md.party.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('md.dir.phone')} extra={t('md.dir.phoneHint')} rules={[{ max: 20 }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="scope" label={t('md.dir.scope')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="active" label={t('md.dir.active')} valuePropName="checked" extra={t('md.dir.activeHint')}>
          <Switch />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}

interface MediatorFields {
  name?: string;
  title?: string;
  specialities?: string[];
  phone?: string;
  active?: boolean;
}

function MediatorModal({ body, mediator, onClose }: { body: BodyView; mediator: MediatorView | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MediatorFields>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: MediatorFields) => {
    setBusy(true);
    setProblem(null);
    try {
      const payload = {
        name: v.name?.trim() ?? '',
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
        specialities: (v.specialities ?? []) as MediatorView['specialities'],
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        active: v.active ?? true,
      };
      if (mediator) await mediationApi.updateMediator(mediator.id, payload);
      else await mediationApi.createMediator(body.id, payload);
      void queryClient.invalidateQueries({ queryKey: ['mediation-directory'] });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      setProblem(caseError(form, e, lang, ['name', 'title', 'specialities', 'phone', 'active'], t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={mediator ? t('md.dir.editMediator', { body: body.name }) : t('md.dir.addMediatorTo', { body: body.name })}
      okText={t('common.save')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<MediatorFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={mediator ? { name: mediator.name, title: mediator.title ?? undefined, specialities: mediator.specialities, active: mediator.active } : { specialities: [], active: true }}
      >
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="name" label={t('md.party.personName')} rules={[{ required: true, whitespace: true, message: t('md.form.nameRequired') }, { max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="title" label={t('md.dir.title')} rules={[{ max: 50 }]}>
              <Input maxLength={50} placeholder={t('md.dir.titlePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="specialities" label={t('md.dir.specialities')}>
          <Checkbox.Group options={SPECIALITIES.map((s) => ({ value: s, label: specialityName(t, s) }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('md.party.phone')} extra={mediator?.phone ? t('md.dir.phoneKeep', { phone: mediator.phone }) : t('md.dir.phoneSealed')} rules={[mobileRule(t, lang, false)]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="active" label={t('md.dir.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
