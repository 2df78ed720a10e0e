import { Container, type ContainerProps, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

type PublicPanelProps = {
  children: ReactNode;
  /** Container width: `sm` for short forms and messages, `md` for the application form. */
  size?: ContainerProps['size'];
};

/** The white card that holds a public page's content, centered on the grey background. */
export function PublicPanel({ children, size = 'sm' }: PublicPanelProps) {
  return (
    <Container size={size} px={{ base: 'xs', sm: 'md' }}>
      <Paper withBorder shadow="xs" p={{ base: 'lg', sm: 'xl' }} radius="md">
        {children}
      </Paper>
    </Container>
  );
}
