import { ORG_KINDS } from '../../../../shared/roles';
import type { Translate } from '../../../app/i18n';
import { orgKindName } from '../../../app/labels';

export const orgKindOptions = (t: Translate) => ORG_KINDS.map((k) => ({ value: k, label: orgKindName(t, k) }));
