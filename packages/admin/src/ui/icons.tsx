import type { ReactNode, SVGProps } from 'react';

// A handful of stroke icons drawn inline (24×24 grid, currentColor): the console needs only a
// few, so no icon package.

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function icon(paths: ReactNode) {
  return function Icon({ size = 18, ...props }: IconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths}
      </svg>
    );
  };
}

export const IconSearch = icon(
  <>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M20 20l-4.8-4.8" />
  </>,
);
export const IconChevronLeft = icon(<path d="M15 6l-6 6 6 6" />);
export const IconChevronRight = icon(<path d="M9 6l6 6-6 6" />);
export const IconChevronDown = icon(<path d="M6 9l6 6 6-6" />);
export const IconArrowLeft = icon(<path d="M19 12H5m6-6l-6 6 6 6" />);
export const IconCheck = icon(<path d="M5 12.5l4.5 4.5L19 7.5" />);
export const IconX = icon(<path d="M6 6l12 12M18 6L6 18" />);
export const IconCopy = icon(
  <>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 00-2-2H6a2 2 0 00-2 2v8a2 2 0 002 2h2" />
  </>,
);
export const IconLogout = icon(
  <>
    <path d="M14 8V6a2 2 0 00-2-2H6a2 2 0 00-2 2v12a2 2 0 002 2h6a2 2 0 002-2v-2" />
    <path d="M9 12h12m-3-3l3 3-3 3" />
  </>,
);
export const IconInbox = icon(
  <>
    <path d="M4 13h4l2 3h4l2-3h4" />
    <path d="M6.5 5h11L20 13v5a2 2 0 01-2 2H6a2 2 0 01-2-2v-5z" />
  </>,
);
export const IconBuilding = icon(
  <>
    <path d="M4 20h16M6 20V5a1 1 0 011-1h7a1 1 0 011 1v15M15 9h3a1 1 0 011 1v10" />
    <path d="M9 8h2M9 12h2M9 16h2" />
  </>,
);
export const IconMail = icon(
  <>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3 7l9 6 9-6" />
  </>,
);
export const IconKey = icon(
  <>
    <circle cx="8" cy="15" r="4" />
    <path d="M10.8 12.2L19 4m-3 3l2 2m-4 0l2 2" />
  </>,
);
export const IconPlus = icon(<path d="M12 5v14M5 12h14" />);
export const IconAlert = icon(
  <>
    <path d="M12 4l9 16H3z" />
    <path d="M12 10v4m0 3v.01" />
  </>,
);
export const IconExternal = icon(
  <>
    <path d="M14 4h6v6M20 4l-9 9" />
    <path d="M18 14v4a2 2 0 01-2 2H6a2 2 0 01-2-2V8a2 2 0 012-2h4" />
  </>,
);
export const IconCoins = icon(
  <>
    <ellipse cx="9" cy="7" rx="6" ry="3" />
    <path d="M3 7v4c0 1.7 2.7 3 6 3s6-1.3 6-3V7" />
    <path d="M9 14v3c0 1.7 2.7 3 6 3s6-1.3 6-3v-4c0-1.5-2-2.7-5-3" />
  </>,
);
export const IconList = icon(<path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />);
export const IconChart = icon(
  <>
    <path d="M4 4v16h16" />
    <path d="M8 16V11M12 16V7M16 16v-3" />
  </>,
);
export const IconFile = icon(
  <>
    <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h10a2 2 0 002-2V8z" />
    <path d="M14 3v5h5M9 13h6M9 17h4" />
  </>,
);
export const IconMessage = icon(<path d="M5 5h14a1 1 0 011 1v10a1 1 0 01-1 1h-8l-5 4v-4H5a1 1 0 01-1-1V6a1 1 0 011-1z" />);
export const IconPlay = icon(<path d="M8 5.5v13l10-6.5z" />);
export const IconDownload = icon(<path d="M12 4v11m-4.5-4.5L12 15l4.5-4.5M5 19h14" />);
export const IconLock = icon(
  <>
    <rect x="5" y="11" width="14" height="9" rx="2" />
    <path d="M8 11V8a4 4 0 018 0v3" />
  </>,
);
export const IconTrash = icon(<path d="M5 7h14M10 11v6M14 11v6M6 7l1 12a2 2 0 002 2h6a2 2 0 002-2l1-12M9 7V4h6v3" />);
export const IconUsers = icon(
  <>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0113 0M16 4.6a3.5 3.5 0 010 6.8M21.5 20a6.5 6.5 0 00-4-6" />
  </>,
);
export const IconRefresh = icon(<path d="M20 11a8 8 0 00-14.6-4.5M4 5v4h4M4 13a8 8 0 0014.6 4.5M20 19v-4h-4" />);
export const IconBank = icon(
  <>
    <path d="M3 10l9-6 9 6" />
    <path d="M5 10v8M9.5 10v8M14.5 10v8M19 10v8M3 20h18" />
  </>,
);
export const IconSettings = icon(
  <>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1" />
  </>,
);
export const IconShield = icon(<path d="M12 3l7 3v6c0 4.5-3 7.5-7 9-4-1.5-7-4.5-7-9V6z" />);
export const IconHeartbeat = icon(<path d="M3 12h4l2-5 4 10 2-5h6" />);
export const IconClockPlay = icon(
  <>
    <path d="M20.9 13A9 9 0 1012 21" />
    <path d="M12 7v5l2 2" />
    <path d="M17 16.5v5l4.5-2.5z" />
  </>,
);
export const IconPause = icon(<path d="M8 5v14M16 5v14" />);
export const IconPencil = icon(<path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />);
export const IconAdjustments = icon(
  <>
    <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
    <circle cx="15" cy="6" r="2" />
    <circle cx="9" cy="12" r="2" />
    <circle cx="17" cy="18" r="2" />
  </>,
);
