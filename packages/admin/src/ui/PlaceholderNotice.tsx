import { Alert } from '@mantine/core';

/** Marks a page that is routed but not built yet. Delete once every page is real. */
export function PlaceholderNotice({ page }: { page: string }) {
  return (
    <Alert variant="light" color="gray" title="Not built yet">
      This is the {page} page. Its content arrives with the api operations it needs.
    </Alert>
  );
}
