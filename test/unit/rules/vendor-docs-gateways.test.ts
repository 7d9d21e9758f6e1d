// Documented reply texts of security gateways (vendor-docs-gateways.table.ts, each table with the vendor's own
// page as source): each text is explained by its knowledge entry and leads to the step it means — bare, cut short,
// in a Postfix bounce line and folded into a DSN's Diagnostic-Code — and a near-miss is not read as it.
import { describeReplyTables } from './reply-tables';
import { GATEWAY_DOC_TABLES } from './vendor-docs-gateways.table';

describeReplyTables(GATEWAY_DOC_TABLES, 'documented gateway replies');
