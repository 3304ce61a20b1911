import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/locale';

export interface CursorPages {
  /** Zero-based page number. */
  page: number;
  /** The `after` argument for the current page. */
  after: string | null;
  next(endCursor: string | null): void;
  previous(): void;
  /** Back to the first page (on a new filter or sort). */
  reset(): void;
}

/** Forward-only Relay pagination made two-way by remembering where each visited page started. */
export function useCursorPages(): CursorPages {
  const [starts, setStarts] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState(0);
  const next = useCallback(
    (endCursor: string | null) => {
      setStarts((current) => [...current.slice(0, page + 1), endCursor]);
      setPage(page + 1);
    },
    [page],
  );
  const previous = useCallback(() => setPage((current) => Math.max(0, current - 1)), []);
  const reset = useCallback(() => {
    setStarts([null]);
    setPage(0);
  }, []);
  return { page, after: starts[page] ?? null, next, previous, reset };
}

export function CursorPager({ pages, totalCount, pageSize, hasNextPage, endCursor }: { pages: CursorPages; totalCount: number; pageSize: number; hasNextPage: boolean; endCursor: string | null }) {
  const { t } = useI18n();
  const first = totalCount === 0 ? 0 : pages.page * pageSize + 1;
  const last = Math.min(totalCount, (pages.page + 1) * pageSize);
  return (
    <Space className="cursor-pager" data-testid="pager">
      <Typography.Text type="secondary">
        {first}–{last} / {t('common.total', { count: totalCount })}
      </Typography.Text>
      <Button size="small" icon={<LeftOutlined />} disabled={pages.page === 0} onClick={pages.previous} aria-label="previous page" />
      <Button size="small" icon={<RightOutlined />} disabled={!hasNextPage} onClick={() => pages.next(endCursor)} aria-label="next page" />
    </Space>
  );
}
