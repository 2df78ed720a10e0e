import { PageHeader, PlaceholderNotice } from '../ui';

export function ProfilePage() {
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your company and contact details."
      />
      <PlaceholderNotice page="profile" />
    </>
  );
}
