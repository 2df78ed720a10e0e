import { createTheme } from '@mantine/core';

// Shared look of both SPAs: keep this file identical in packages/portal and packages/admin.
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily,
  headings: { fontFamily },
  defaultRadius: 'md',
});
