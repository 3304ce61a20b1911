import { Modal, Progress, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

interface Running {
  title: ReactNode;
  percent: number;
}

/** Progress that approaches 95% while the work runs (the server reports no steps) and jumps to 100% when done. */
export function estimatedPercent(elapsedMs: number, expectedMs: number): number {
  return Math.min(95, Math.round(95 * (1 - Math.exp(-elapsedMs / expectedMs))));
}

/**
 * Runs a long operation (an export, a chain verification) behind a modal progress bar, so the
 * user sees that something is happening and cannot start it twice.
 */
export function useLongOperation(expectedMs = 3000): { run<T>(title: ReactNode, work: () => Promise<T>): Promise<T>; element: ReactNode; running: boolean } {
  const [running, setRunning] = useState<Running | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearInterval(timer.current);
  }, []);

  const run = useCallback(
    async <T,>(title: ReactNode, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      setRunning({ title, percent: 0 });
      timer.current = setInterval(() => setRunning((current) => current && { ...current, percent: estimatedPercent(Date.now() - started, expectedMs) }), 200);
      try {
        const result = await work();
        setRunning((current) => current && { ...current, percent: 100 });
        await new Promise((resolve) => setTimeout(resolve, 300));
        return result;
      } finally {
        if (timer.current) clearInterval(timer.current);
        timer.current = null;
        setRunning(null);
      }
    },
    [expectedMs],
  );

  const element = (
    <Modal open={running !== null} footer={null} closable={false} maskClosable={false} centered width={420}>
      <Typography.Paragraph strong>{running?.title}</Typography.Paragraph>
      <Progress percent={running?.percent ?? 0} status="active" data-testid="operation-progress" />
    </Modal>
  );
  return { run, element, running: running !== null };
}
