import { describe, expect, it } from 'vitest';
import { writeAchFile, type AchCredit } from '../../src/modules/payouts/nacha-writer.js';
import { nachaProblems } from './nacha-check.js';

const settings = { immediateDestination: '021000021', immediateDestinationName: 'Bank', immediateOrigin: '1234567890', immediateOriginName: 'Fiber', companyName: 'Northwind Fiber', companyId: '1234567890', odfiRouting: '021000021' };
const credit = (sec: 'CCD' | 'PPD', name: string, amountCents: bigint, routingNumber = '011000015'): AchCredit => ({ sec, accountType: 'CHECKING', routingNumber, accountNumber: '12345678', amountCents, individualId: 'RS-000001', name });
const write = (credits: AchCredit[], companyName = settings.companyName) =>
  writeAchFile({ settings: { ...settings, companyName }, createdOn: '2026-11-25', createdAt: '09:05', fileIdModifier: 'A', effectiveDate: '2026-11-27', entryDescription: 'COMMISSION', descriptiveDate: '2026-10', credits }).text;

describe('nachaProblems (the bad-input test’s independent NACHA reading)', () => {
  it('finds nothing wrong in files the writer makes', () => {
    expect(nachaProblems(write([credit('CCD', 'Riverside', 123456n)]))).toEqual([]);
    expect(nachaProblems(write([credit('CCD', 'A', 1n, '091000019'), credit('PPD', 'B', 99n), credit('CCD', 'C', 5000n, '026009593')]))).toEqual([]);
  });

  it('finds a changed amount, a cut record, a non-ASCII character and a blank company name', () => {
    const file = write([credit('CCD', 'Riverside', 123456n)]);
    expect(nachaProblems(file.replace('0000123456RS', '0000123457RS'))).toEqual(expect.arrayContaining([expect.stringMatching(/credit total/)]));
    expect(nachaProblems(file.replace('RIVERSIDE ', 'RIVERSIDE'))).toEqual(expect.arrayContaining([expect.stringMatching(/93 characters/)]));
    expect(nachaProblems(file.replace('RIVERSIDE', 'RIVERSIDÉ'))).toEqual(expect.arrayContaining([expect.stringMatching(/printable ASCII/)]));
    // The writer refuses a company name it cannot carry; a file blanked by hand is still caught.
    const blankCompany = file.split('\n').map((record) => (record.startsWith('5') ? record.slice(0, 4) + ' '.repeat(16) + record.slice(20) : record)).join('\n');
    expect(blankCompany).not.toBe(file);
    expect(nachaProblems(blankCompany)).toEqual(['batch 1 company name is blank']);
    const blankName = write([credit('PPD', 'Riverside', 1n)]).split('\n').map((record) => (record.startsWith('6') ? record.slice(0, 54) + ' '.repeat(22) + record.slice(76) : record)).join('\n');
    expect(nachaProblems(blankName)).toEqual(['PPD entry 1 individual name is blank']);
  });
});
