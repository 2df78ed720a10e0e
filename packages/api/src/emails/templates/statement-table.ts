import { mj, type SafeMarkup } from '../mjml-tag.js';

export interface StatementLine {
  period: string;
  description: string;
  amount: string;
}

const cell = 'padding:4px 8px 4px 0;white-space:nowrap;vertical-align:top';
const middle = 'padding:4px 8px;vertical-align:top';
const amount = 'padding:4px 0 4px 8px;text-align:right;white-space:nowrap;vertical-align:top';

/** The lines of a statement with their total (commission statement, payment sent): periods and amounts never wrap. */
export function statementTable(lines: StatementLine[], total: string): SafeMarkup {
  const rows = lines.map((line) => mj`<tr><td style="${cell}">${line.period}</td><td style="${middle}">${line.description}</td><td style="${amount}">${line.amount}</td></tr>`);
  return mj`<mj-table>
        <tr style="border-bottom:1px solid #ddd;text-align:left"><th style="${cell}">Period</th><th style="${middle}">Commission</th><th style="${amount}">Amount</th></tr>
        ${rows}
        <tr style="border-top:1px solid #ddd;font-weight:bold"><td style="${cell}">Total</td><td></td><td style="${amount}">${total}</td></tr>
      </mj-table>`;
}
