import { PageHeader, PlaceholderNotice } from '../ui';

export function SetPasswordPage() {
  return (
    <>
      <PageHeader
        title="Set your password"
        description="Choose the password for your partner account."
      />
      <PlaceholderNotice page="set password" />
    </>
  );
}
