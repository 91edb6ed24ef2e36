/** Chinese names of patent types and legal statuses, as exports and reports print them. */
export const PATENT_TYPE_ZH: Record<string, string> = { invention: '发明', utility: '实用新型', design: '外观设计' };
export const PATENT_STATUS_ZH: Record<string, string> = {
  pending: '审中', valid: '有效', lapsed: '失效（未缴年费）', expired: '期限届满', withdrawn: '撤回', rejected: '驳回', invalidated: '无效', abandoned: '放弃', unknown: '未知',
};
