import type { Command } from '../command';
import auditVerify from './audit-verify';
import backup from './backup';
import creditExport from './credit-export';
import creditKey from './credit-key';
import creditVerify from './credit-verify';
import evidenceVerify from './evidence-verify';
import { importGis, importGiUsers, importPatents, importTrademarks } from './import';
import importResume from './import-resume';
import migrate from './migrate';
import orgCreate from './org-create';
import restore from './restore';
import seedDemo from './seed-demo';
import stats from './stats';
import userCreate from './user-create';
import userDisable from './user-disable';
import userEnable from './user-enable';
import userResetPassword from './user-reset-password';

/** Every operator command, in the order `xinzhi --help` lists them; a new command adds itself here. */
export const COMMANDS: readonly Command[] = [migrate, orgCreate, userCreate, userDisable, userEnable, userResetPassword, seedDemo, importPatents, importTrademarks, importGis, importGiUsers, importResume, stats, backup, restore, auditVerify, evidenceVerify, creditExport, creditVerify, creditKey];
