// The same component as the admin console's features/lists/ConnectionPagination (each SPA keeps its own ui kit).
import { PaginationBar } from '../../ui';

/** The parts of a Relay connection the pagination bar needs. */
interface PagedConnection {
  nodes: readonly unknown[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface ListPaging {
  page: number;
  previousPage: () => void;
  nextPage: (cursor: string) => void;
}

/** The pagination bar of a server-paginated list: URL cursor state (useListParams) + a connection. */
export function ConnectionPagination({ list, connection, pageSize, disabled }: { list: ListPaging; connection: PagedConnection; pageSize: number; disabled: boolean }) {
  return (
    <PaginationBar
      page={list.page}
      pageSize={pageSize}
      count={connection.nodes.length}
      totalCount={connection.totalCount}
      hasNextPage={connection.pageInfo.hasNextPage}
      onPrevious={list.previousPage}
      onNext={() => connection.pageInfo.endCursor && list.nextPage(connection.pageInfo.endCursor)}
      disabled={disabled}
    />
  );
}
