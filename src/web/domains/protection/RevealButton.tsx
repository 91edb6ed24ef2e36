import { EyeOutlined } from '@ant-design/icons';
import { Alert, App as AntdApp, Button, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../app/errors';
import { useI18n } from '../../app/i18n';

/**
 * 查看完整信息: personal data in clear, after a warning that the look is recorded in the audit log.
 * The server writes that record; this only asks first and shows what came back.
 */
export function RevealButton<T>({ reveal, title, warning, shownTitle, width, children }: { reveal: () => Promise<T>; title: string; warning?: string; shownTitle?: string; width?: number; children: (shown: T) => ReactNode }) {
  const { t } = useI18n();
  const { modal } = AntdApp.useApp();
  const [shown, setShown] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ask = () =>
    modal.confirm({
      title,
      content: warning ?? t('prd.revealWarning'),
      okText: t('prd.revealConfirm'),
      onOk: async () => {
        try {
          setShown(await reveal());
        } catch (e) {
          setProblem(errorText(e, t('error.unexpected')));
        }
      },
    });
  return (
    <>
      <Button size="small" icon={<EyeOutlined />} onClick={ask}>
        {t('prd.reveal')}
      </Button>
      {problem && (
        <Modal open title={title} footer={null} onCancel={() => setProblem(null)}>
          <Alert type="error" showIcon title={problem} />
        </Modal>
      )}
      {shown !== null && (
        <Modal open title={shownTitle ?? title} onCancel={() => setShown(null)} onOk={() => setShown(null)} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden width={width}>
          <Alert type="warning" showIcon title={t('prd.revealedNote')} style={{ marginBottom: 12 }} />
          {children(shown)}
        </Modal>
      )}
    </>
  );
}
