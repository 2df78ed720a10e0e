import { getSession } from '../../app/session';

// The NACHA file holds full account numbers, so the api never puts it in a GraphQL answer: it is
// fetched from the file route with the session's Bearer token (an <a href> could not send it),
// turned into a Blob and saved under the export's file name.

/** "ACH-2026-10-….txt" → "ACH-2026-10-…-remittance.csv", the name the api's route gives it too. */
export function remittanceFileName(fileName: string): string {
  return `${fileName.replace(/\.txt$/i, '')}-remittance.csv`;
}

/** The api's JSON error ({ errors: [{ message }] }) or the HTTP status, for the user. */
async function failureMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors)) {
      const messages = body.errors
        .map((e: unknown) => (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string' ? e.message : null))
        .filter((m): m is string => m !== null);
      if (messages.length > 0) return messages.join(' ');
    }
  } catch {
    // Not JSON: fall back to the status.
  }
  return `The server answered with HTTP ${response.status}.`;
}

/** Downloads an exported payment file; throws an Error with a readable message on failure. */
export async function downloadPaymentFile(url: string, fileName: string): Promise<void> {
  const session = getSession();
  if (!session) throw new Error('Sign in again to download the file.');
  const response = await fetch(url, { headers: { authorization: `Bearer ${session.token}` }, cache: 'no-store' });
  if (!response.ok) throw new Error(await failureMessage(response));
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the object URL can go once it has.
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
