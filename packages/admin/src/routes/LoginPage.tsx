import { PageHeader, PlaceholderNotice } from '../ui';

export function LoginPage() {
  return (
    <>
      <PageHeader
        title="Sign in"
        description="Sign in to the ISP admin console."
      />
      <PlaceholderNotice page="sign-in" />
    </>
  );
}
