import type { MantineColor } from '@mantine/core';

const CATEGORY_LABELS: Record<string, string> = {
  legal: 'Legal',
  setup: 'Set-up',
  business: 'Business',
  training: 'Training',
  technical: 'Technical',
};

/** 'technical' → 'Technical' (an unknown category is capitalised as sent). */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category.charAt(0).toUpperCase() + category.slice(1).toLowerCase();
}

const PRIORITY_COLORS: Record<string, MantineColor> = { HIGH: 'red', MEDIUM: 'yellow', LOW: 'gray' };

export function priorityColor(priority: string): MantineColor {
  return PRIORITY_COLORS[priority.toUpperCase()] ?? 'gray';
}

/** 'HIGH' → 'High priority'. */
export function priorityLabel(priority: string): string {
  return `${priority.charAt(0).toUpperCase()}${priority.slice(1).toLowerCase()} priority`;
}

/** '1 hour', '6 hours'. */
export function effortLabel(hours: number): string {
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

// Due and target dates are calendar days (YYYY-MM-DD): formatted in UTC so no time zone moves them.
const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** '2026-12-09' → 'Dec 9, 2026' (anything else is shown as sent). */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}
