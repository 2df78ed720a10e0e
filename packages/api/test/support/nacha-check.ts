/**
 * An independent reading of a NACHA file for the bad-input test (the writer's own read-back uses
 * achkit; this one re-adds everything from the records themselves): every record 94 printable
 * ASCII characters, record order, blocking, and each batch and file control's counts, entry hash and
 * totals; mandatory fields (company name and id, receiver name of PPD entries) not blank.
 * Positions are those of the NACHA Operating Rules (1-based there, 0-based slices here).
 */
export function nachaProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\n')) problems.push('the file does not end with a line break');
  const lines = text.replace(/\n$/, '').split('\n');
  lines.forEach((line, index) => {
    if (line.length !== 94) problems.push(`record ${index + 1} has ${line.length} characters`);
    if (!/^[\x20-\x7E]*$/.test(line)) problems.push(`record ${index + 1} has characters outside printable ASCII`);
  });
  if (lines.length % 10 !== 0) problems.push(`${lines.length} records: not blocked to a multiple of 10`);
  const digits = (line: string, from: number, to: number, what: string) => {
    const field = line.slice(from, to);
    if (!/^\d+$/.test(field)) problems.push(`${what} "${field}" is not numeric`);
    return BigInt(/^\d+$/.test(field) ? field : '0');
  };
  const blank = (line: string, from: number, to: number, what: string) => {
    if (line.slice(from, to).trim() === '') problems.push(`${what} is blank`);
  };

  if (lines[0]?.[0] !== '1') problems.push('the first record is not a file header');
  let fileEntries = 0n;
  let fileHash = 0n;
  let fileCredit = 0n;
  let batches = 0;
  let index = 1;
  for (; index < lines.length && lines[index]![0] === '5'; index++) {
    const header = lines[index]!;
    batches++;
    blank(header, 4, 20, `batch ${batches} company name`);
    blank(header, 40, 50, `batch ${batches} company id`);
    const sec = header.slice(50, 53);
    let entries = 0n;
    let hash = 0n;
    let credit = 0n;
    for (index++; index < lines.length && lines[index]![0] === '6'; index++) {
      const entry = lines[index]!;
      entries++;
      hash += digits(entry, 3, 11, 'receiving bank');
      credit += digits(entry, 29, 39, 'amount');
      blank(entry, 12, 29, `entry ${entries} account number`);
      if (sec === 'PPD') blank(entry, 54, 76, `PPD entry ${entries} individual name`);
    }
    const control = lines[index];
    if (control?.[0] !== '8') {
      problems.push(`batch ${batches} has no control record`);
      break;
    }
    if (digits(control, 4, 10, 'batch entry count') !== entries) problems.push(`batch ${batches} counts ${control.slice(4, 10)} entries, has ${entries}`);
    if (digits(control, 10, 20, 'batch entry hash') !== hash % 10_000_000_000n) problems.push(`batch ${batches} entry hash ${control.slice(10, 20)} ≠ ${hash}`);
    if (digits(control, 32, 44, 'batch credit total') !== credit) problems.push(`batch ${batches} credit total ${control.slice(32, 44)} ≠ ${credit}`);
    if (control.slice(44, 54) !== header.slice(40, 50)) problems.push(`batch ${batches} control company id differs from its header`);
    if (control.slice(87, 94) !== header.slice(87, 94)) problems.push(`batch ${batches} control number differs from its header`);
    fileEntries += entries;
    fileHash += hash;
    fileCredit += credit;
  }
  const fileControl = lines[index];
  if (fileControl?.[0] !== '9') problems.push('no file control after the batches');
  else {
    if (Number(digits(fileControl, 1, 7, 'batch count')) !== batches) problems.push(`file control counts ${fileControl.slice(1, 7)} batches, has ${batches}`);
    if (Number(digits(fileControl, 7, 13, 'block count')) !== lines.length / 10) problems.push(`file control counts ${fileControl.slice(7, 13)} blocks, has ${lines.length / 10}`);
    if (digits(fileControl, 13, 21, 'entry count') !== fileEntries) problems.push(`file control counts ${fileControl.slice(13, 21)} entries, has ${fileEntries}`);
    if (digits(fileControl, 21, 31, 'entry hash') !== fileHash % 10_000_000_000n) problems.push(`file entry hash ${fileControl.slice(21, 31)} ≠ ${fileHash}`);
    if (digits(fileControl, 43, 55, 'credit total') !== fileCredit) problems.push(`file credit total ${fileControl.slice(43, 55)} ≠ ${fileCredit}`);
    if (fileEntries === 0n) problems.push('no entries');
    for (const filler of lines.slice(index + 1)) if (filler !== '9'.repeat(94)) problems.push('a block filler record is not all 9s');
  }
  return problems;
}
