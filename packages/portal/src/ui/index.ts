export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { formatDate, formatDateTime } from './format';
export { LoadingState } from './LoadingState';
export { PageHeader } from './PageHeader';
export { PaginationBar } from './PaginationBar';
export { PublicPanel } from './PublicPanel';
export { StatusBadge } from './StatusBadge';
export { TierBadge } from './TierBadge';
