import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { IconArrowLeft } from './icons';

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons on the right, e.g. the page's primary action. */
  actions?: ReactNode;
  /** Beside the title, e.g. a status badge. */
  badges?: ReactNode;
  /** A link back to the list a record page belongs to. */
  back?: { to: string; label: string };
};

export function PageHeader({ title, description, actions, badges, back }: PageHeaderProps) {
  // The browser tab and history name the page ('Applications · Admin console').
  useDocumentTitle(typeof title === 'string' ? `${title} · Admin console` : '');
  return (
    <Stack gap="xs" mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} size="sm" c="dimmed" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} miw={0}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} fw={650}>
              {title}
            </Title>
            {badges}
          </Group>
          {description && <Text c="dimmed" size="sm">{description}</Text>}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
