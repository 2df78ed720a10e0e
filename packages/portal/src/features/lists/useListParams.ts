import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list page's state in the URL, so reload, Back and a shared link show the same page: filters as
 * plain parameters, and cursor pagination as a stack of `after` cursors (`?after=c1&after=c2` is
 * page 3; its query uses the last one, Previous drops it). Changing any filter starts again at
 * page 1, because a cursor belongs to one filter and order. (The admin console's lists work the
 * same way.)
 */
export function useListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const cursors = searchParams.getAll('after');

  const setFilters = useCallback(
    (changes: Record<string, string | null>, options?: { replace?: boolean }) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          next.delete('after');
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setSearchParams],
  );

  const nextPage = useCallback(
    (endCursor: string) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        next.append('after', endCursor);
        return next;
      });
    },
    [setSearchParams],
  );

  const previousPage = useCallback(() => {
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      const stack = next.getAll('after');
      next.delete('after');
      for (const cursor of stack.slice(0, -1)) next.append('after', cursor);
      return next;
    });
  }, [setSearchParams]);

  const firstPage = useCallback(() => {
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      next.delete('after');
      return next;
    });
  }, [setSearchParams]);

  return {
    /** A filter's value ('' when absent). */
    get: (key: string): string => searchParams.get(key) ?? '',
    setFilters,
    /** The cursor for this page's query (null on page 1). */
    after: cursors.at(-1) ?? null,
    /** 1-based. */
    page: cursors.length + 1,
    nextPage,
    previousPage,
    firstPage,
  };
}
