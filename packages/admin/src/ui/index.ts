export { DetailList, type DetailItem } from './DetailList';
export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { formatDate, formatDateTime, formatNumber } from './format';
export { LoadingState } from './LoadingState';
export { PageHeader } from './PageHeader';
export { PaginationBar } from './PaginationBar';
export { SectionCard } from './SectionCard';
export { StatusBadge, TierBadge } from './StatusBadge';
