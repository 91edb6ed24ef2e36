import type { GiRecord, GiUserRecord, ImportKind, PatentRecord, RowProblem, TrademarkRecord } from '../../../../shared/registry/types';
import { validateGiRow, validateGiUserRow, validatePatentRow, validateTrademarkRow } from '../../../../shared/registry/validate';
import type { Queryable, Tx } from '../../../db/db';
import { loadGis, loadGiUsers } from '../gis/load';
import { adoptPatent, loadPatents, preparePatent } from '../patents/load';
import { loadTrademarks } from '../trademarks/load';
import type { LoadCounts, LoadEnv } from './load-env';

export type Validation<R> = { ok: true; record: R; warnings: RowProblem[] } | { ok: false; problems: RowProblem[] };

/** Everything the pipeline needs to know about one kind of import. */
export interface KindSpec<R> {
  kind: ImportKind;
  validate(raw: Record<string, unknown>, opts: { today: string }): Validation<R>;
  /**
   * Work on a valid record that needs no database, done while the previous batch is written (in
   * a worker thread for big files). Returns what `adopt` gives back to the record in this thread.
   */
  prepare?(record: R): unknown;
  adopt?(record: R, prepared: unknown): void;
  /** A check against the register itself (a GI user's GI must exist), per row, after validation. */
  check?(q: Queryable, record: R): Promise<RowProblem | null>;
  load(tx: Tx, records: R[], env: LoadEnv): Promise<LoadCounts>;
}

const patents: KindSpec<PatentRecord> = { kind: 'patents', validate: validatePatentRow, prepare: preparePatent, adopt: adoptPatent, load: loadPatents };
const trademarks: KindSpec<TrademarkRecord> = { kind: 'trademarks', validate: validateTrademarkRow, load: loadTrademarks };
const gis: KindSpec<GiRecord> = { kind: 'gis', validate: validateGiRow, load: loadGis };
const giUsers: KindSpec<GiUserRecord> = {
  kind: 'gi_users',
  validate: validateGiUserRow,
  async check(q, r) {
    const rows = await q.query('SELECT 1 FROM gis WHERE name = $1', [r.giName]);
    return rows.length > 0
      ? null
      : { field: 'giName', value: r.giName, reason: { zh: `登记簿中没有名为「${r.giName}」的地理标志，请先导入该地理标志`, en: `No GI named "${r.giName}" in the register; import it first` } };
  },
  async load(tx, records, env) {
    const { missingGi: _missing, ...counts } = await loadGiUsers(tx, records, env);
    return counts;
  },
};

export const KIND_SPECS: Record<ImportKind, KindSpec<unknown>> = {
  patents: patents as KindSpec<unknown>,
  trademarks: trademarks as KindSpec<unknown>,
  gis: gis as KindSpec<unknown>,
  gi_users: giUsers as KindSpec<unknown>,
};
