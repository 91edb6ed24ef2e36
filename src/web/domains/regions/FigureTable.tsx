import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntdApp, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useReportError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n';
import { useCompact } from '../../app/ui/responsive';
import { EmptyState } from '../../app/ui/States';
import { FigureModal } from './FigureModal';
import type { FigureKind, YearFigure } from './figures';
import { EstimateFootnote, FigureValue } from './PopulationCell';

interface Props<F extends YearFigure> {
  kind: FigureKind<F>;
  title: ReactNode;
  /** A line under the title: what the figure is for. */
  description?: ReactNode;
  area: { code: string; name: string };
  /** Newest year first. */
  figures: F[];
  canEdit: boolean;
  /** After a save or delete: reload the area. */
  onChanged: () => void;
}

/**
 * One kind of yearly figure of an area (population, market entities) as a table by year: number with
 * its estimate mark, source, note, last change; add, edit and delete for those who keep the area's data.
 */
export function FigureTable<F extends YearFigure>({ kind, title, description, area, figures, canEdit, onChanged }: Props<F>) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const report = useReportError();
  const compact = useCompact();
  const [editing, setEditing] = useState<{ figure: F | null } | null>(null);

  const remove = async (year: number) => {
    try {
      await kind.remove(area.code, year);
      message.success(t(kind.text.deleted));
      onChanged();
    } catch (e) {
      report(e);
    }
  };

  const columns: ColumnsType<F> = [
    { title: t('pop.year'), dataIndex: 'year', width: 80 },
    { title: t(kind.text.value), key: 'value', width: 170, align: 'right', render: (_: unknown, f) => <FigureValue value={kind.value(f)} isEstimate={f.isEstimate} /> },
    { title: t('pop.source'), dataIndex: 'source', render: (s: string) => s },
    { title: t('pop.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      fixed: compact ? undefined : 'right',
      render: (_: unknown, f) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ figure: f })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t(kind.text.deleteConfirm, { year: f.year })}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove(f.year)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={title}
      className={`xz-figures xz-figures-${kind.id}`}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ figure: null })}>
            {t(kind.text.add)}
          </Button>
        )
      }
    >
      {description && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {description}
        </Typography.Paragraph>
      )}
      <Table<F>
        rowKey="year"
        dataSource={figures}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: <EmptyState description={canEdit ? t(kind.text.noneEdit) : t(kind.text.none)} /> }}
        columns={columns}
      />
      <EstimateFootnote demo={kind.text.footnote} live={kind.text.footnoteLive} />
      <FigureModal
        kind={kind}
        open={editing !== null}
        areaCode={area.code}
        areaName={area.name}
        figure={editing?.figure ?? null}
        existingYears={figures.map((f) => f.year)}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChanged();
        }}
      />
    </Card>
  );
}
