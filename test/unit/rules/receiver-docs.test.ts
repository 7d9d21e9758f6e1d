// The big receivers' documented reply tables (issue 11 points 2 and 5): every text a receiver's own reference
// page lists (receiver-docs.table.ts, each table with its source) is explained by its knowledge entry and
// leads to the step its page means — bare, cut short, in a Postfix bounce line and folded into a DSN's
// Diagnostic-Code — and a similar text that is not it is not read as it (the suite: reply-tables.ts).
import { DOC_TABLES } from './receiver-docs.table';
import { describeReplyTables } from './reply-tables';

describeReplyTables(DOC_TABLES, 'documented replies');
