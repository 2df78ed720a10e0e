/**
 * NACHA ACH file writer (pure): credits only (service class 220), one batch per SEC code (CCD for
 * businesses, PPD for individuals), 94-character records, entry hash, totals, and blocking to a
 * multiple of 10 records padded with lines of 9s. Every file we export is also read back and
 * checked by an independent parser (achkit) before it is stored.
 *
 * Record layouts follow the NACHA Operating Rules, Appendix Three (positions are 1-based there):
 * file header 1, batch header 5, entry detail 6, batch control 8, file control 9.
 */
export const RECORD_LENGTH = 94;
export const BLOCKING_FACTOR = 10;
export const MAX_ENTRY_CENTS = 9_999_999_999n; // the 10-digit amount field
const MAX_TOTAL_CENTS = 999_999_999_999n; // the 12-digit total fields

export type SecCode = 'CCD' | 'PPD';
export type AccountType = 'CHECKING' | 'SAVINGS';

/** The originator's and banks' identities, from the tenant's settings. */
export interface AchOriginSettings {
  /** Routing number of the bank the file goes to (9 digits). */
  immediateDestination: string;
  immediateDestinationName: string;
  /** 10 characters: the company's id as the bank knows it (e.g. "1" + tax id), or a routing number. */
  immediateOrigin: string;
  immediateOriginName: string;
  /** The name on the receivers' statements (16). */
  companyName: string;
  /** Company identification (10), usually "1" + the 9-digit tax id. */
  companyId: string;
  /** The originating bank's routing number (9 digits; its first 8 go in batch headers and traces). */
  odfiRouting: string;
}

export interface AchCredit {
  sec: SecCode;
  accountType: AccountType;
  routingNumber: string;
  accountNumber: string;
  amountCents: bigint;
  /** Our reference for the receiver (reseller code), 15 characters. */
  individualId: string;
  /** Receiver's name, 22 characters. */
  name: string;
}

export interface AchFileInput {
  settings: AchOriginSettings;
  /** File creation date and time as the bank should read them (YYYY-MM-DD, HH:MM). */
  createdOn: string;
  createdAt: string;
  /** A–Z then 0–9: distinguishes files created the same day. */
  fileIdModifier: string;
  /** YYYY-MM-DD the receivers should be credited. */
  effectiveDate: string;
  /** Shown on statements, e.g. "COMMISSION" (10). */
  entryDescription: string;
  /** Shown on statements, e.g. "NOV 26" (6). */
  descriptiveDate: string;
  credits: AchCredit[];
}

export interface AchFile {
  text: string;
  /** One per credit, in input order. */
  traceNumbers: string[];
  batchCount: number;
  entryCount: number;
  blockCount: number;
  entryHash: string;
  totalCreditCents: bigint;
}

export class AchFormatError extends Error {}

/** Upper-case ASCII of the characters NACHA allows, cut or space-padded to `length`. */
export function alphanumeric(value: string, length: number): string {
  const ascii = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 .,&'/()+\-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.slice(0, length).padEnd(length, ' ');
}

/**
 * Whether text keeps something in a NACHA file: at least one character `alphanumeric` does not
 * turn into a space ("北京宽带" or "*~|" would become a blank field). Names that go into mandatory
 * fields (company name, receiver name) are checked with this where they are entered.
 */
export const NACHA_TEXT_MESSAGE = 'Use letters or digits a bank file can carry (A–Z, 0–9; other characters are left out of NACHA files)';

export function hasNachaText(value: string): boolean {
  return alphanumeric(value, value.length + 1).trim() !== '';
}

/** Zero-padded digits, refusing anything that does not fit. */
export function numeric(value: bigint | number | string, length: number): string {
  const text = String(value);
  if (!/^\d+$/.test(text) || text.length > length) throw new AchFormatError(`${text} does not fit ${length} digits`);
  return text.padStart(length, '0');
}

/** ABA routing number check digit: 3·d1 + 7·d2 + d3 + 3·d4 + 7·d5 + d6 + 3·d7 + 7·d8 + d9 ≡ 0 (mod 10). */
export function isValidRoutingNumber(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  return weights.reduce((sum, weight, index) => sum + weight * Number(routing[index]), 0) % 10 === 0;
}

const yymmdd = (date: string) => date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);

function record(...fields: string[]): string {
  const line = fields.join('');
  if (line.length !== RECORD_LENGTH) throw new AchFormatError(`A record of ${line.length} characters was built (expected ${RECORD_LENGTH})`);
  return line;
}

/** The last 10 digits of a sum of 8-digit routing prefixes. */
function hashOf(sum: bigint): string {
  return numeric(sum % 10_000_000_000n, 10);
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The Company Descriptive Date a payee's statement shows for a commission period: `2026-10` → `OCT 26`. */
export function periodDescriptiveDate(period: string): string {
  const [year, month] = period.split('-');
  return `${MONTHS[Number(month) - 1]} ${year!.slice(2)}`;
}

export function writeAchFile(input: AchFileInput): AchFile {
  const { settings } = input;
  for (const [field, routing] of [['immediateDestination', settings.immediateDestination], ['odfiRouting', settings.odfiRouting]] as const) {
    if (!isValidRoutingNumber(routing)) throw new AchFormatError(`${field} ${routing} is not a valid routing number`);
  }
  if (!/^[A-Z0-9]$/.test(input.fileIdModifier)) throw new AchFormatError('The file id modifier is one character A–Z or 0–9');
  if (input.credits.length === 0) throw new AchFormatError('A file needs at least one entry');
  // Mandatory fields a bank refuses blank (the names are checked where they are entered too).
  if (!hasNachaText(settings.companyName)) throw new AchFormatError(`The ACH company name "${settings.companyName}" has no letters or digits a NACHA file can carry`);
  if (!hasNachaText(settings.companyId)) throw new AchFormatError('The ACH company id is blank');
  const odfi = settings.odfiRouting.slice(0, 8);
  const lines: string[] = [
    record(
      '1', '01',
      ' ' + settings.immediateDestination,
      /^\d{9}$/.test(settings.immediateOrigin) ? ' ' + settings.immediateOrigin : alphanumeric(settings.immediateOrigin, 10),
      yymmdd(input.createdOn),
      input.createdAt.replace(':', ''),
      input.fileIdModifier,
      '094', '10', '1',
      alphanumeric(settings.immediateDestinationName, 23),
      alphanumeric(settings.immediateOriginName, 23),
      ' '.repeat(8),
    ),
  ];
  const traceNumbers: string[] = new Array(input.credits.length);
  let sequence = 0;
  let fileHash = 0n;
  let fileCredit = 0n;
  let entryCount = 0;
  const batches = (['CCD', 'PPD'] as const).map((sec) => ({ sec, credits: input.credits.map((credit, index) => ({ credit, index })).filter(({ credit }) => credit.sec === sec) })).filter((batch) => batch.credits.length > 0);
  batches.forEach((batch, batchIndex) => {
    const batchNumber = numeric(batchIndex + 1, 7);
    lines.push(
      record(
        '5', '220',
        alphanumeric(settings.companyName, 16),
        ' '.repeat(20),
        alphanumeric(settings.companyId, 10),
        batch.sec,
        alphanumeric(input.entryDescription, 10),
        alphanumeric(input.descriptiveDate, 6),
        yymmdd(input.effectiveDate),
        '   ', '1', odfi, batchNumber,
      ),
    );
    let hash = 0n;
    let credit = 0n;
    for (const { credit: entry, index } of batch.credits) {
      if (!isValidRoutingNumber(entry.routingNumber)) throw new AchFormatError(`${entry.individualId}: ${entry.routingNumber} is not a valid routing number`);
      const account = entry.accountNumber.replace(/[\s-]/g, '');
      if (!/^[A-Za-z0-9]{1,17}$/.test(account)) throw new AchFormatError(`${entry.individualId}: the account number must be 1–17 letters or digits`);
      if (!hasNachaText(entry.name)) throw new AchFormatError(`${entry.individualId}: the account holder name "${entry.name}" has no letters or digits a NACHA file can carry`);
      if (entry.amountCents <= 0n || entry.amountCents > MAX_ENTRY_CENTS) throw new AchFormatError(`${entry.individualId}: an entry amount must be between 0.01 and 99,999,999.99`);
      sequence += 1;
      const trace = odfi + numeric(sequence, 7);
      traceNumbers[index] = trace;
      lines.push(
        record(
          '6',
          entry.accountType === 'CHECKING' ? '22' : '32',
          entry.routingNumber.slice(0, 8), entry.routingNumber[8]!,
          account.toUpperCase().padEnd(17, ' '),
          numeric(entry.amountCents, 10),
          alphanumeric(entry.individualId, 15),
          alphanumeric(entry.name, 22),
          '  ', '0', trace,
        ),
      );
      hash += BigInt(entry.routingNumber.slice(0, 8));
      credit += entry.amountCents;
    }
    if (credit > MAX_TOTAL_CENTS) throw new AchFormatError('A batch total does not fit 12 digits');
    lines.push(record('8', '220', numeric(batch.credits.length, 6), hashOf(hash), numeric(0, 12), numeric(credit, 12), alphanumeric(settings.companyId, 10), ' '.repeat(19), ' '.repeat(6), odfi, batchNumber));
    fileHash += hash;
    fileCredit += credit;
    entryCount += batch.credits.length;
  });
  if (fileCredit > MAX_TOTAL_CENTS) throw new AchFormatError('The file total does not fit 12 digits');
  const recordCount = lines.length + 1;
  const blockCount = Math.ceil(recordCount / BLOCKING_FACTOR);
  const entryHash = hashOf(fileHash);
  lines.push(record('9', numeric(batches.length, 6), numeric(blockCount, 6), numeric(entryCount, 8), entryHash, numeric(0, 12), numeric(fileCredit, 12), ' '.repeat(39)));
  while (lines.length % BLOCKING_FACTOR !== 0) lines.push('9'.repeat(RECORD_LENGTH));
  return { text: lines.join('\n') + '\n', traceNumbers, batchCount: batches.length, entryCount, blockCount, entryHash, totalCreditCents: fileCredit };
}
