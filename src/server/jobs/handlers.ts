import { landscapeJobHandler } from '../domains/insight/landscape/service';
import { reportJobHandler } from '../domains/insight/reports/service';
import { alertScanJobHandler } from '../domains/insight/watch/service';
import { importJobHandler } from '../domains/registry/import/service';
import { protectionDailyJobHandler } from '../domains/protection/reports/service';
import { creditDailyJobHandler } from '../domains/protection/credit/service';
import { assessmentCheckJobHandler } from '../domains/workplan/assessment/service';
import { workplanDailyJobHandler } from '../domains/workplan/progress/service';
import { supervisionDailyJobHandler } from '../domains/workplan/supervision/service';
import type { JobHandler } from './runner';

/** Every kind of job the platform runs; a domain with long work adds its handler here. */
export const JOB_HANDLERS: readonly JobHandler[] = [importJobHandler, alertScanJobHandler, landscapeJobHandler, reportJobHandler, protectionDailyJobHandler, creditDailyJobHandler, supervisionDailyJobHandler, workplanDailyJobHandler, assessmentCheckJobHandler];
