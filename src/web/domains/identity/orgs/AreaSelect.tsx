import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import type { AreaView } from '../../../app/api-types';
import { useI18n } from '../../../app/i18n';
import { areaKindName } from '../../../app/labels';
import { areaLabel } from '../../regions/areaText';
import { useAreas } from '../../regions/queries';

/** The city, its counties and districts, then the zones, grouped; `filter` keeps only some of them. */
export function AreaSelect({ filter, ...props }: Omit<SelectProps<string>, 'options'> & { filter?: (a: AreaView) => boolean }) {
  const { t, lang } = useI18n();
  const areas = useAreas();
  const options = useMemo(() => {
    const list = (areas.data ?? []).filter((a) => !filter || filter(a));
    const group = (label: string, kinds: string[]) => ({
      label,
      title: label,
      options: list.filter((a) => kinds.includes(a.kind)).map((a) => ({ value: a.code, label: areaLabel(a, lang) })),
    });
    return [group(areaKindName(t, 'city'), ['city']), group(t('areas.countiesGroup'), ['district', 'county']), group(areaKindName(t, 'zone'), ['zone'])].filter((g) => g.options.length > 0);
  }, [areas.data, lang, t, filter]);
  return <Select<string> showSearch={{ optionFilterProp: 'label' }} loading={areas.isLoading} options={options} {...props} />;
}
