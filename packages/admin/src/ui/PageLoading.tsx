import { Skeleton, Stack } from '@mantine/core';
import { LoadingState } from './LoadingState';

/**
 * Shown while a page's code is still downloading (the router loads each page on first visit):
 * a title-shaped placeholder over the app's usual loading indicator, so the layout keeps its shape.
 */
export function PageLoading() {
  return (
    <Stack gap="lg" data-testid="page-loading" aria-busy="true">
      <Skeleton h={32} w={240} maw="100%" />
      <LoadingState label="Loading page…" />
    </Stack>
  );
}
