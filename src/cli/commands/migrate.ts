import { z } from 'zod';
import { migrate } from '../../server/db/migrate';
import { syncReference } from '../../server/domains/regions/service';
import { defineCommand, say } from '../command';

export const migrateInput = z.strictObject({});

export default defineCommand({
  id: 'migrate',
  words: ['migrate'],
  summary: say('执行数据库迁移并同步参考数据（地区等）', 'Apply pending database migrations and load reference data (regions…)'),
  description: say('已执行的迁移被修改时拒绝运行；可重复执行。', 'Refuses when an applied migration was changed; safe to run again.'),
  examples: ['xinzhi migrate', 'DATABASE_URL=postgres://xinzhi@db/xinzhi XINZHI_SECRET=… xinzhi migrate'],
  schema: migrateInput,
  remote: true,
  prepare: false,
  async run(ctx, _input, io) {
    io.progress('migrate: applying migrations…');
    const { applied, current } = await migrate(ctx.db);
    io.progress('migrate: loading reference data…');
    await ctx.db.tx((tx) => syncReference(tx));
    const what = applied.length > 0 ? applied.join(', ') : null;
    return {
      message: what
        ? say(`已执行迁移 ${what}；当前版本 ${current}`, `Applied ${what}; schema is at version ${current}`)
        : say(`数据库已是最新（版本 ${current}）`, `The database is up to date (version ${current})`),
      data: { applied, current },
    };
  },
});
