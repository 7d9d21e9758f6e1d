// Documented reply texts of servers, filters, gateways and receivers (vendor-docs.table.ts, each table with its
// source): each text is explained by its knowledge entry and leads to the step it means — bare, cut short, in a
// Postfix bounce line and folded into a DSN's Diagnostic-Code — and a look-alike is not read as it.
import { VENDOR_TABLES } from './vendor-docs.table';
import { describeReplyTables } from './reply-tables';

describeReplyTables(VENDOR_TABLES, 'documented replies');
