import { PageHeader, PlaceholderNotice } from '../ui';

export function ResellersPage() {
  return (
    <>
      <PageHeader
        title="Resellers"
        description="Approved partners and their lifecycle status."
      />
      <PlaceholderNotice page="resellers" />
    </>
  );
}
