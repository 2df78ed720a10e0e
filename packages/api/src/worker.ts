/** A job worker: the same process as main.ts without HTTP (`--role worker`), for scaling jobs apart from API servers. */
if (!process.argv.some((arg) => arg === '--role' || arg.startsWith('--role='))) process.argv.push('--role=worker');
await import('./main.js');
