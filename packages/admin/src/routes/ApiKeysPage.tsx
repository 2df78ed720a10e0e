import { PageHeader, PlaceholderNotice } from '../ui';

export function ApiKeysPage() {
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the ISP's systems to call the Reseller Hub api."
      />
      <PlaceholderNotice page="API keys" />
    </>
  );
}
