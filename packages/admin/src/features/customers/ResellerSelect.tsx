import { useQuery } from '@apollo/client/react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { graphql } from '../../gql';

// A reseller picker that searches on the server (code, company, contact), so it works for a
// programme of any size: 25 matches at a time, plus the selected reseller so its label shows
// even when it is not among them (a filter read from the URL).

const AdminResellerOptionsQuery = graphql(`
  query AdminResellerOptions($first: Int!, $filter: ResellerFilter) {
    resellers(first: $first, filter: $filter) {
      totalCount
      nodes {
        id
        code
        companyName
        status
      }
    }
  }
`);

const AdminResellerOptionQuery = graphql(`
  query AdminResellerOption($id: ID!) {
    reseller(id: $id) {
      id
      code
      companyName
      status
    }
  }
`);

type Option = { id: string; code: string; companyName: string; status: string };

function optionLabel(reseller: Option): string {
  return `${reseller.code} · ${reseller.companyName}`;
}

type ResellerSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Resellers that cannot be chosen (the current one of a reassignment). */
  excludeId?: string | null;
  /** Leave terminated resellers out (they cannot take customers). */
  activeOnly?: boolean;
};

export function ResellerSelect({ value, onChange, excludeId, activeOnly, ...props }: ResellerSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const selected = useQuery(AdminResellerOptionQuery, { variables: { id: value ?? '' }, skip: !value });
  const selectedOption = value && selected.data?.reseller.id === value ? selected.data.reseller : null;
  // The box shows the selected label while nothing is typed: that is not a search.
  const term = selectedOption && debounced === optionLabel(selectedOption) ? '' : debounced.trim();
  const { data, loading } = useQuery(AdminResellerOptionsQuery, {
    variables: {
      first: 25,
      filter: { search: term || null, status: activeOnly ? ['ONBOARDING', 'ACTIVE', 'SUSPENDED'] : null },
    },
    fetchPolicy: 'cache-and-network',
  });

  const options = useMemo(() => {
    const list: Option[] = [...(data?.resellers.nodes ?? [])];
    if (selectedOption && !list.some((r) => r.id === selectedOption.id)) list.unshift(selectedOption);
    return list
      .filter((r) => r.id !== excludeId)
      .map((r) => ({ value: r.id, label: optionLabel(r) }));
  }, [data, selectedOption, excludeId]);

  return (
    <Select
      {...props}
      data={options}
      value={value}
      onChange={(next) => onChange(next)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered: show what it answered.
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? 'Searching…' : 'No reseller matches'}
    />
  );
}
