import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useViewer } from '../viewer/viewer';
import { currentPeriod, isPeriod, periodLabel, periodsBack, shiftPeriod } from './period';

export const ALL_PERIODS = 'all';

type PeriodSelectProps = {
  /** 'YYYY-MM', or ALL_PERIODS when `allowAll`. */
  value: string;
  onChange: (period: string) => void;
  /** Offer "All periods" first. */
  allowAll?: boolean;
  /** Months before the current one to offer (default 24). */
  monthsBack?: number;
  /** Months after the current one (plans and assignments start in the future; default 0). */
  monthsAhead?: number;
  label?: string;
  description?: string;
  error?: string;
  w?: number | string;
  'data-testid'?: string;
};

/**
 * A month picker over the tenant's periods, newest first ('October 2026 · 2026-10'). Typing
 * filters ("oct", "2026-0"). A period outside the range (from a shared link) is kept as an option.
 */
export function PeriodSelect({
  value,
  onChange,
  allowAll,
  monthsBack = 24,
  monthsAhead = 0,
  label,
  description,
  error,
  w = 220,
  'data-testid': testId = 'period-select',
}: PeriodSelectProps) {
  const { tenant } = useViewer();
  const data = useMemo(() => {
    const newest = shiftPeriod(currentPeriod(tenant.timezone), monthsAhead);
    const periods = periodsBack(newest, monthsBack + monthsAhead + 1);
    if (isPeriod(value) && !periods.includes(value)) periods.push(value);
    periods.sort().reverse();
    const options = periods.map((period) => ({ value: period, label: `${periodLabel(period)} · ${period}` }));
    return allowAll ? [{ value: ALL_PERIODS, label: 'All periods' }, ...options] : options;
  }, [tenant.timezone, monthsBack, monthsAhead, value, allowAll]);

  return (
    <Select
      aria-label={label ? undefined : 'Period'}
      label={label}
      description={description}
      error={error}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      searchable
      maxDropdownHeight={320}
      comboboxProps={{ shadow: 'md' }}
      w={w}
      data-testid={testId}
    />
  );
}
