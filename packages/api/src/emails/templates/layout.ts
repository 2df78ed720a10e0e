import { mj, type SafeMarkup } from '../mjml-tag.js';

export interface Branding {
  tenantName: string;
  logoUrl: string | null;
  primaryColor: string;
  footer: string;
  supportEmail: string;
}

/** One shared layout for every email: header with the ISP's name/logo, content, footer. */
export function layout(branding: Branding, preview: string, content: SafeMarkup): string {
  const color = /^#[0-9a-fA-F]{3,8}$/.test(branding.primaryColor) ? branding.primaryColor : '#1c7ed6';
  const header = branding.logoUrl
    ? mj`<mj-image src="${branding.logoUrl}" alt="${branding.tenantName}" width="160px" align="left" padding="0" />`
    : mj`<mj-text font-size="20px" font-weight="700" color="#ffffff" padding="0">${branding.tenantName} Partner Program</mj-text>`;
  return mj`<mjml>
  <mj-head>
    <mj-title>${preview}</mj-title>
    <mj-preview>${preview}</mj-preview>
    <mj-attributes>
      <mj-all font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.6" color="#212529" />
      <mj-button background-color="${color}" color="#ffffff" font-size="15px" font-weight="600" border-radius="6px" inner-padding="12px 24px" align="left" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f1f3f5">
    <mj-section background-color="${color}" padding="20px 24px">
      <mj-column>${header}</mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>${content}</mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#868e96">${branding.footer || branding.tenantName} · Questions? Write to <a href="mailto:${branding.supportEmail}" style="color:#868e96">${branding.supportEmail}</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`.value;
}
