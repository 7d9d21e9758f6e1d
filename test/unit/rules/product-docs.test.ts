// Mail software's and filter products' own refusal texts (product-docs.table.ts, each table with its source): every
// text is explained by its knowledge entry and leads to the step it means — bare, cut short, in a Postfix bounce
// line and folded into a DSN's Diagnostic-Code — and a look-alike that is not it is not read as it. The same suite
// as the big receivers' tables (reply-tables.ts).
import { PRODUCT_TABLES } from './product-docs.table';
import { describeReplyTables } from './reply-tables';

describeReplyTables(PRODUCT_TABLES, 'own replies');
