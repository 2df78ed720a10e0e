import { describe, expect, it } from 'vitest';
import { spreadsheetText } from './spreadsheet-text.js';

describe('spreadsheetText', () => {
  it.each([
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(1,1)', "'@SUM(1,1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['＝1+1', "'＝1+1"],
  ])('%j becomes text', (value, expected) => {
    expect(spreadsheetText(value)).toBe(expected);
  });

  it.each(['Riverside Connect LLC', 'RS-000001 Acme', 'a=b', '', ' =1', "'quoted"])('%j is left as it is', (value) => {
    expect(spreadsheetText(value)).toBe(value);
  });
});
