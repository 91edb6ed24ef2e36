import type { QuestionBody } from './schema';

/**
 * The city's questionnaire after CNIPA's 知识产权保护社会满意度调查: Likert questions under the five
 * first-level indicators, a few background questions and one open question. The wording is the
 * city's own; officers edit it in the draft.
 */
export const TEMPLATE_TITLE = (year: number) => `${year}年度信阳市知识产权保护社会满意度调查`;
export const TEMPLATE_INTRO =
  '为了解社会各界对我市知识产权保护工作的评价，改进工作，市知识产权局开展本次调查。问卷匿名填写，不收集姓名、电话等个人信息，约需 3 分钟。感谢您的支持！';

const likert = (text: string, dimension: QuestionBody['dimension'], weight = 1): QuestionBody => ({ kind: 'likert5', text, required: true, options: [], dimension, weight });

export const TEMPLATE_QUESTIONS: readonly QuestionBody[] = [
  {
    kind: 'single',
    text: '您（或您所在单位）与知识产权的关系是？',
    required: true,
    options: ['拥有专利、商标或地理标志等权利', '从事知识产权代理、法律或咨询服务', '了解但暂未拥有知识产权', '基本不了解'],
    dimension: null,
    weight: 1,
  },
  {
    kind: 'multiple',
    text: '近两年您通过哪些途径了解知识产权保护信息？',
    required: false,
    options: ['政府网站或政务新媒体', '宣传活动（4·26 知识产权宣传周等）', '培训讲座', '新闻媒体', '行业协会或服务机构', '其他'],
    dimension: null,
    weight: 1,
  },
  likert('您对我市知识产权相关地方性政策、规范性文件的完善程度是否满意？', 'law_policy'),
  likert('您对我市知识产权政策措施（资助、奖励、质押融资支持等）的落实情况是否满意？', 'law_policy'),
  likert('您对知识产权政策的宣传解读是否满意？', 'law_policy'),
  likert('您对我市打击侵犯知识产权和制售假冒伪劣商品的力度是否满意？', 'enforcement', 1.5),
  likert('您对知识产权行政执法、司法审判的效率和公正性是否满意？', 'enforcement'),
  likert('您对侵权假冒举报、投诉的受理和处理结果是否满意？', 'enforcement'),
  likert('您对知识产权纠纷调解、维权援助服务是否满意？', 'mechanism'),
  likert('您对行政执法与司法衔接、部门协作（联席会议）机制是否满意？', 'mechanism'),
  likert('您对知识产权公共服务（信息检索、咨询、快速维权渠道）的便利程度是否满意？', 'mechanism'),
  likert('您对我市知识产权宣传教育活动的覆盖面和效果是否满意？', 'awareness'),
  likert('您对身边企业和公众尊重知识产权、抵制假冒侵权的意识是否满意？', 'awareness'),
  likert('您对知识产权培训（企业、服务机构、执法人员）的质量是否满意？', 'awareness'),
  likert('您对我市知识产权保护的总体状况是否满意？', 'effect', 2),
  likert('与一年前相比，您对我市市场上假冒侵权现象的减少情况是否满意？', 'effect'),
  likert('您对本地营商环境中的知识产权保护状况是否满意？', 'effect'),
  { kind: 'text', text: '您对我市知识产权保护工作还有哪些意见和建议？', required: false, options: [], dimension: null, weight: 1 },
];
