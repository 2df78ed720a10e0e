import { Code, Divider, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { Fragment } from 'react';
import { capitalizeFirst, layoutTrace, tokenizeTrace } from './trace';

function TraceText({ text }: { text: string }) {
  return (
    <Text size="sm" lh={1.6} style={{ overflowWrap: 'anywhere' }}>
      {tokenizeTrace(capitalizeFirst(text)).map((token, index) => {
        switch (token.kind) {
          case 'money':
          case 'percent':
            return (
              <Text key={index} span inherit fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {token.text}
              </Text>
            );
          case 'reference':
            return (
              <Code key={index} fz="xs" style={{ whiteSpace: 'nowrap' }}>
                {token.text}
              </Code>
            );
          default:
            return <Fragment key={index}>{token.text}</Fragment>;
        }
      })}
    </Text>
  );
}

type CommissionTraceProps = {
  trace: string;
  /** The line's amount, shown as the result when the trace does not end with one. */
  amountText: string;
  negative: boolean;
};

/** A line's calculation trace, laid out as numbered steps and the resulting amount. */
export function CommissionTrace({ trace, amountText, negative }: CommissionTraceProps) {
  const { steps, result } = layoutTrace(trace);
  return (
    <Paper withBorder radius="md" p="md" bg="white">
      <Stack gap="sm">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: 0.4 }}>
          How this was calculated
        </Text>
        {steps.length === 1 ? (
          <TraceText text={steps[0] ?? trace} />
        ) : (
          <Stack component="ol" gap={8} m={0} p={0} style={{ listStyle: 'none' }}>
            {steps.map((step, index) => (
              <Group key={index} component="li" gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon size={22} radius="xl" variant="light" style={{ flexShrink: 0, marginTop: 1 }} aria-hidden="true">
                  <Text span size="xs" fw={700}>
                    {index + 1}
                  </Text>
                </ThemeIcon>
                <TraceText text={step} />
              </Group>
            ))}
          </Stack>
        )}
        <Divider variant="dashed" />
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="sm" fw={600}>
            Commission
          </Text>
          <Text fw={700} size="lg" c={negative ? 'red.7' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {result ?? amountText}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
