import { AttributeInput } from './fields/AttributeInput';
import { useTranslation } from 'react-i18next';

/** The kind of a block and its title: a field for editors, a heading-like line for readers. */
export function BlockHeader({
  id,
  kind,
  title,
  untitled,
  editable,
  onTitle,
}: {
  id: string;
  kind: string;
  title: string;
  untitled: string;
  editable: boolean;
  onTitle: (title: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="method-block-header">
      <span className="method-block-kind">{kind}</span>
      {editable ? (
        <>
          <span id={id} className="visually-hidden">
            {title || untitled}
          </span>
          <AttributeInput
            className="block-input method-block-title"
            value={title}
            placeholder={untitled}
            label={t('blocks.common.title', { kind })}
            onCommit={onTitle}
          />
        </>
      ) : (
        <p id={id} className="method-block-title">
          {title || untitled}
        </p>
      )}
    </div>
  );
}
