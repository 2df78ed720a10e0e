import { parse, validate } from 'achkit';
import { describe, expect, it } from 'vitest';
import { alphanumeric, AchFormatError, hasNachaText, isValidRoutingNumber, periodDescriptiveDate, writeAchFile, type AchCredit, type AchFileInput } from './nacha-writer.js';

const settings = {
  immediateDestination: '021000021',
  immediateDestinationName: 'JPMorgan Chase',
  immediateOrigin: '1234567890',
  immediateOriginName: 'Northwind Fiber',
  companyName: 'Northwind Fiber',
  companyId: '1234567890',
  odfiRouting: '021000021',
};
// Real, check-digit-valid routing numbers of different banks.
const ROUTINGS = ['011000015', '011401533', '091000019', '121000358', '026009593', '111000025', '322271627', '063100277', '071000013', '051000017', '044000037'];

function credit(index: number, overrides: Partial<AchCredit> = {}): AchCredit {
  return {
    sec: index % 3 === 2 ? 'PPD' : 'CCD',
    accountType: index % 2 === 0 ? 'CHECKING' : 'SAVINGS',
    routingNumber: ROUTINGS[index % ROUTINGS.length]!,
    accountNumber: `${1000 + index}00${index}`,
    amountCents: BigInt(1000 * (index + 1) + index),
    individualId: `RS-${String(index + 1).padStart(6, '0')}`,
    name: `Reseller ${index + 1}`,
    ...overrides,
  };
}
const file = (credits: AchCredit[], overrides: Partial<AchFileInput> = {}) =>
  writeAchFile({ settings, createdOn: '2026-11-25', createdAt: '09:05', fileIdModifier: 'A', effectiveDate: '2026-11-27', entryDescription: 'Commission', descriptiveDate: 'OCT 26', credits, ...overrides });

describe('NACHA writer', () => {
  it('writes the golden one-entry file, byte for byte', () => {
    const result = file([credit(0, { name: 'Riverside Connect', accountNumber: '12345678', amountCents: 123456n, routingNumber: '011000015' })]);
    expect(result.text).toBe(
      [
        '101 02100002112345678902611250905A094101JPMORGAN CHASE         NORTHWIND FIBER                ',
        '5220NORTHWIND FIBER                     1234567890CCDCOMMISSIONOCT 26261127   1021000020000001',
        '62201100001512345678         0000123456RS-000001      RIVERSIDE CONNECT       0021000020000001',
        '822000000100011000010000000000000000001234561234567890                         021000020000001',
        '9000001000001000000010001100001000000000000000000123456                                       ',
        ...Array(5).fill('9'.repeat(94)),
      ].join('\n') + '\n',
    );
    expect(result.traceNumbers).toEqual(['021000020000001']);
    expect(validate(result.text)).toEqual({ ok: true, errors: [] });
  });

  for (const count of [1, 9, 10, 11]) {
    it(`${count} entries: 94-character records, blocked to a multiple of 10, totals and hash checked by an independent parser`, () => {
      const credits = Array.from({ length: count }, (_, index) => credit(index));
      const result = file(credits);
      const lines = result.text.trimEnd().split('\n');
      expect(lines.every((line) => line.length === 94)).toBe(true);
      expect(lines.length % 10).toBe(0);
      const batches = new Set(credits.map((c) => c.sec)).size;
      const records = 2 + 2 * batches + count;
      expect(lines.length).toBe(Math.ceil(records / 10) * 10);
      expect(lines.slice(records).every((line) => line === '9'.repeat(94))).toBe(true);
      expect(result.blockCount).toBe(Math.ceil(records / 10));

      expect(validate(result.text)).toEqual({ ok: true, errors: [] });
      const parsed = parse(result.text);
      const entries = parsed.batches.flatMap((batch) => batch.entries);
      expect(entries).toHaveLength(count);
      const expectedTotal = credits.reduce((sum, c) => sum + c.amountCents, 0n);
      expect(BigInt(parsed.control!.totalCredit)).toBe(expectedTotal);
      expect(parsed.control!.totalDebit).toBe(0);
      expect(parsed.control!.entryAddendaCount).toBe(count);
      expect(parsed.control!.batchCount).toBe(batches);
      expect(parsed.control!.blockCount).toBe(result.blockCount);
      const hash = credits.reduce((sum, c) => sum + BigInt(c.routingNumber.slice(0, 8)), 0n) % 10_000_000_000n;
      expect(parsed.control!.entryHash).toBe(String(hash).padStart(10, '0'));
      for (const batch of parsed.batches) {
        const own = credits.filter((c) => c.sec === batch.sec);
        expect(BigInt(batch.control!.totalCredit)).toBe(own.reduce((sum, c) => sum + c.amountCents, 0n));
        expect(batch.serviceClass).toBe(220);
        expect(batch.entries.map((e) => e.txnCode)).toEqual(own.map((c) => (c.accountType === 'CHECKING' ? 22 : 32)));
      }
      // every entry comes back as written, with its trace number
      credits.forEach((c, index) => {
        const entry = entries.find((e) => e.idNumber === c.individualId)!;
        expect(entry).toMatchObject({ routing: c.routingNumber, account: c.accountNumber, amountCents: Number(c.amountCents), traceNumber: result.traceNumbers[index] });
      });
      expect(new Set(result.traceNumbers).size).toBe(count);
    });
  }

  it('keeps the last 10 digits of a large entry hash', () => {
    const credits = Array.from({ length: 400 }, (_, index) => credit(index, { routingNumber: '322271627', sec: 'CCD' }));
    const result = file(credits);
    expect(result.entryHash).toBe(String((32227162n * 400n) % 10_000_000_000n).padStart(10, '0'));
    expect(32227162n * 400n).toBeGreaterThan(9_999_999_999n);
    expect(validate(result.text).ok).toBe(true);
  });

  it('refuses what a bank would reject', () => {
    expect(() => file([credit(0, { routingNumber: '011000016' })])).toThrow(AchFormatError);
    expect(() => file([credit(0, { amountCents: 0n })])).toThrow(/between 0.01/);
    expect(() => file([credit(0, { amountCents: 10_000_000_000n })])).toThrow(/between 0.01/);
    expect(() => file([credit(0, { accountNumber: '123456789012345678' })])).toThrow(/1–17/);
    expect(() => file([])).toThrow(/at least one entry/);
    expect(() => file([credit(0)], { settings: { ...settings, odfiRouting: '123456789' } })).toThrow(/odfiRouting/);
    expect(() => file([credit(0)], { fileIdModifier: 'a' })).toThrow(/modifier/);
    // Mandatory fields that would come out blank (nothing in them NACHA's character set can carry).
    expect(() => file([credit(0)], { settings: { ...settings, companyName: '北京宽带' } })).toThrow(/company name/);
    expect(() => file([credit(0, { name: '*~|^!' })])).toThrow(/holder name/);
  });

  it('hasNachaText: a name keeps letters or digits in a NACHA file', () => {
    expect(['Acme', 'Zoë', '北京 Fiber', '7', "O'Brien"].every(hasNachaText)).toBe(true);
    expect(['北京宽带', '*~|^!', '€€', '<>{}', ' '].some(hasNachaText)).toBe(false);
  });

  it('cleans text fields to upper-case ASCII of a fixed width', () => {
    expect(alphanumeric('Café Ñandú <script>', 22)).toBe('CAFE NANDU SCRIPT     ');
    expect(alphanumeric('A very long company name indeed', 16)).toBe('A VERY LONG COMP');
  });

  it.each([
    ['011000015', true],
    ['021000021', true],
    ['011000016', false],
    ['12345678', false],
    ['01100001a', false],
  ])('routing number %s valid: %s', (routing, valid) => expect(isValidRoutingNumber(routing)).toBe(valid));
});

describe('periodDescriptiveDate', () => {
  it.each([
    ['2026-10', 'OCT 26'],
    ['2026-01', 'JAN 26'],
    ['2030-12', 'DEC 30'],
  ])('%s → %s (six characters, as the batch header holds)', (period, expected) => {
    expect(periodDescriptiveDate(period)).toBe(expected);
    expect(periodDescriptiveDate(period)).toHaveLength(6);
  });
});
