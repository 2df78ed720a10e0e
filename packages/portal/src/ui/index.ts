export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { formatDateTime } from './format';
export { LoadingState } from './LoadingState';
export { PageHeader } from './PageHeader';
export { PlaceholderNotice } from './PlaceholderNotice';
export { StatusBadge } from './StatusBadge';
