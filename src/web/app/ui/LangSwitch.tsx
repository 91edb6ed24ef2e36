import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.switch')}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh', label: <span lang="zh-CN">中文</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
    />
  );
}
