/**
 * CSV injection (OWASP): a spreadsheet opening a CSV runs a cell that starts with =, +, -, @ (or a
 * tab or carriage return before one, or their full-width forms) as a formula — `=HYPERLINK(…)`,
 * `=cmd|' /C calc'!A0`. Text from users (reseller, holder and plan names) is written to CSV
 * exports through this, which puts a ' in front so the cell shows as the text it is.
 *
 * Only text cells: csv-stringify's own `escape_formulas` would also turn a negative amount
 * ("-12.00", a string here, never a float) into "'-12.00", and amounts must stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function spreadsheetText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
