import { Alert, Avatar, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../ui';
import { useAddApplicationNote } from './mutations';

type Note = { id: string; body: string; createdAt: string; author: { id: string; name: string } };

type ApplicationNotesProps = {
  applicationId: string;
  notes: readonly Note[];
  /** Finance reads the notes but does not write them. */
  canWrite: boolean;
};

const MAX_NOTE = 5000;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** Internal review notes (never shown to the applicant), oldest first, and a box to add one. */
export function ApplicationNotes({ applicationId, notes, canWrite }: ApplicationNotesProps) {
  const [body, setBody] = useState('');
  const [addNote, { loading, error }] = useAddApplicationNote();
  const sorted = [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const text = body.trim();

  async function submit() {
    if (!text || text.length > MAX_NOTE) return;
    try {
      await addNote({ variables: { input: { applicationId, body: text } } });
      setBody('');
    } catch {
      // Shown from `error` below.
    }
  }

  return (
    <Stack gap="md">
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          No notes yet.{canWrite ? ' Notes are internal: the applicant never sees them.' : ''}
        </Text>
      ) : (
        <Stack gap="md" data-testid="notes">
          {sorted.map((note) => (
            <Group key={note.id} align="flex-start" gap="sm" wrap="nowrap">
              <Avatar size={32} radius="xl" color="indigo" variant="light">
                {initials(note.author.name)}
              </Avatar>
              <Stack gap={2} miw={0} style={{ flex: 1 }}>
                <Group gap={8}>
                  <Text size="sm" fw={600}>
                    {note.author.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(note.createdAt)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {note.body}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
      {canWrite && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs">
            {error && (
              <Alert color="red" variant="light" title="Could not add the note">
                {errorMessage(error)}
              </Alert>
            )}
            <Textarea
              aria-label="New note"
              placeholder="Add an internal note for the review team…"
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={8}
              error={text.length > MAX_NOTE ? 'At most 5,000 characters' : undefined}
              data-testid="note-input"
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" variant="light" loading={loading} disabled={!text || text.length > MAX_NOTE}>
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
