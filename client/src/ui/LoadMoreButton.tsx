import { useTranslation } from 'react-i18next';

interface LoadMoreButtonProps {
  /** What the button fetches, already translated ("Load more threads"). */
  label: string;
  loading: boolean;
  onLoadMore: () => void;
}

/**
 * The next page of a list. It is never disabled while loading, only marked busy: a disabled
 * button drops keyboard focus to the page, and the user would lose their place in the list.
 */
export function LoadMoreButton({ label, loading, onLoadMore }: LoadMoreButtonProps) {
  const { t } = useTranslation();
  return (
    <p className="load-more">
      <button
        type="button"
        className="button"
        aria-disabled={loading}
        onClick={() => {
          if (!loading) onLoadMore();
        }}
      >
        {loading ? <span className="spinner" aria-hidden="true" /> : null}
        {loading ? t('common.loading') : label}
      </button>
    </p>
  );
}
