import { PageHeader, PlaceholderNotice } from '../ui';

export function LoginPage() {
  return (
    <>
      <PageHeader
        title="Sign in"
        description="Sign in to your partner account."
      />
      <PlaceholderNotice page="sign-in" />
    </>
  );
}
