import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

type SearchInputProps = {
  /** The search in effect (from the URL). */
  value: string;
  /** Called 300 ms after typing stops, with the trimmed text. */
  onSearch: (value: string) => void;
  label: string;
  placeholder: string;
};

/** A search box that waits for the user to pause before asking the server. */
export function SearchInput({ value, onSearch, label, placeholder }: SearchInputProps) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  // The last value this box sent: a URL change that is not ours (Back, a link) replaces the text.
  const sent = useRef(value);

  useEffect(() => {
    const trimmed = debounced.trim();
    if (trimmed !== sent.current) {
      sent.current = trimmed;
      onSearch(trimmed);
    }
  }, [debounced, onSearch]);

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setText('')} /> : null}
      maxLength={200}
      data-testid="customer-search"
    />
  );
}
