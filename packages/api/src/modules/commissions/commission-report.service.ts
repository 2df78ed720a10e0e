import { formatMoney } from '@reseller-hub/shared-schema/money';
import { stringify } from 'csv-stringify/sync';
import type { Context } from '../../app/context.js';
import { requirePeriod } from '../../shared/period.js';
import { spreadsheetText } from '../../shared/spreadsheet-text.js';
import { commissionReportRows, type ReportRow } from './commission-report.repository.js';
import type { CommissionReportGroup } from './commission.enums.js';

/** A period's commissions grouped by reseller, plan or kind, with the same rows as CSV (RFC 4180; labels as spreadsheet text). */
export async function commissionReport(ctx: Context, period: string, groupBy: CommissionReportGroup): Promise<{ rows: ReportRow[]; totalCents: bigint; csv: string }> {
  requirePeriod(period);
  const rows = await commissionReportRows(ctx.em, ctx.actor!.tenantId, period, groupBy);
  const csv = stringify(
    rows.map((row) => [spreadsheetText(row.label), row.line_count, formatMoney(BigInt(row.base_cents)), formatMoney(BigInt(row.amount_cents))]),
    { header: true, columns: [groupBy.toLowerCase(), 'lines', 'revenue', 'commission'] },
  );
  return { rows, totalCents: rows.reduce((sum, row) => sum + BigInt(row.amount_cents), 0n), csv };
}
