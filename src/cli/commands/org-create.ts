import { orgCreate } from '../../server/domains/identity/orgs/schema';
import { createOrg } from '../../server/domains/identity/orgs/service';
import { defineCommand, say } from '../command';

export default defineCommand({
  id: 'org-create',
  words: ['org', 'create'],
  summary: say('新建机构', 'Create an organisation'),
  description: say(
    '类型：city_office 市局、area_desk 县区、partner 成员单位、enterprise 企业、university 高校、agency 代理机构、bank 银行。未给地区时按统一社会信用代码推断。',
    'Kinds: city_office, area_desk, partner, enterprise, university, agency, bank. Without --area the area comes from the credit code.',
  ),
  examples: [
    'xinzhi org create --name 信阳市市场监督管理局 --kind city_office',
    'xinzhi org create --name "信阳毛尖茶业有限公司" --kind enterprise --uscc 91411502MA44XXXXXX --address "河南省信阳市浉河区…"',
  ],
  options: [
    { flags: '--name <name>', key: 'name', help: say('机构全称（唯一）', 'full name (unique)') },
    { flags: '--kind <kind>', key: 'kind', help: say('机构类型', 'kind of organisation') },
    { flags: '--area <code>', key: 'areaCode', help: say('所属地区代码，如 411525', 'area code, e.g. 411525') },
    { flags: '--uscc <code>', key: 'uscc', help: say('统一社会信用代码', 'unified social credit code') },
    { flags: '--address <text>', key: 'address', help: say('地址', 'address') },
    { flags: '--phone <text>', key: 'phone', help: say('电话', 'phone') },
  ],
  // The web's own schema: an organisation made here passes the same checks as one made in the browser.
  schema: orgCreate,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const org = await createOrg(ctx, io.actor, input);
    return {
      message: say(`已新建机构 ${org.name}（${org.kind}，${org.areaName}），ID ${org.id}`, `Created organisation ${org.name} (${org.kind}, ${org.areaCode}), id ${org.id}`),
      data: { organisation: org },
    };
  },
});
