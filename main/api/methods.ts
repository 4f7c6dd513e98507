import { documentMethods } from '../documents/methods';
import { officeMethods } from '../office/methods';
import { peopleMethods } from '../people/methods';
import { peopleAnonymiseMethods } from '../people/anonymise';
import { peopleExportMethods, peopleImportMethods } from '../people/spreadsheet-methods';
import { backupMethods } from '../backup/methods';
import { historyMethods } from '../history/methods';
import { welfareBooksMethods } from '../welfare/books-methods';
import { welfareClaimsMethods } from '../welfare/claims-methods';
import { welfareDashboardMethods } from '../welfare/dashboard';
import { welfareMethods } from '../welfare/methods';
import { welfareMoneyMethods } from '../welfare/money-methods';
import { welfarePrintMethods } from '../welfare/print-methods';
import { welfareReportMethods } from '../welfare/report-methods';
import { welfareStatementMethods } from '../welfare/statements-methods';
import { welfareHistoryMethods } from '../welfare/history-methods';
import { welfareCodiMethods } from '../welfare/codi-methods';
import { methodTable } from './router';

/** Every method the UI can call, keyed by name: the one contract both transports serve. */
export const methods = methodTable([...officeMethods, ...peopleMethods, ...peopleAnonymiseMethods, ...peopleImportMethods, ...peopleExportMethods, ...welfareMethods, ...welfareBooksMethods, ...welfareClaimsMethods, ...welfarePrintMethods, ...welfareReportMethods, ...welfareStatementMethods, ...welfareCodiMethods, ...welfareMoneyMethods, ...welfareHistoryMethods, ...welfareDashboardMethods, ...documentMethods, ...backupMethods, ...historyMethods]);
