import {
  BLOCK_PRIORITIES,
  blockIdOf,
  newMatrixCriterion,
  newMatrixRow,
} from '@polisee/editor-schema';
import { NodeViewContent, NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { childrenOf, insertChild, removeChild, updateBlock, updateChild } from '../childNodes';
import { AttributeInput } from '../fields/AttributeInput';
import { useEditable } from '../fields/useEditable';
import { BlockHeader } from '../BlockHeader';
import { useScoringDocument } from './AssessmentScoring';
import { MatrixCellPanel } from './MatrixCellPanel';
import { MatrixCellSlot } from './MatrixCellSlot';
import { MatrixScoringBar } from './MatrixScoringBar';
import { MatrixScoringContext } from './MatrixScoringContext';
import { useMatrixScoring } from './useMatrixScoring';
import './matrix.css';

/**
 * The structure of an assessment matrix: criteria as columns, rows with their thematic
 * priority. Each cell holds the scoring slot; scores themselves are not in the document.
 */
export function AssessmentMatrixView({ node, editor, getPos }: NodeViewProps) {
  const { t } = useTranslation();
  const editable = useEditable(editor);
  const titleId = useId();
  const matrixId = String(node.attrs.matrixId ?? '');
  const criteria = childrenOf(node, 'matrixCriterion');
  const rows = childrenOf(node, 'matrixRow');
  const allowObservers = node.attrs.allowObservers === true;
  const scoring = useMatrixScoring(useScoringDocument(), matrixId, allowObservers);

  const criterionName = (criterion: (typeof criteria)[number], index: number) =>
    (criterion.attrs.label as string) ||
    (criterion.attrs.dac ? t(`blocks.dac.${criterion.attrs.dac as string}`) : '') ||
    t('blocks.matrix.criterionN', { n: index + 1 });
  const rowName = (row: (typeof rows)[number], index: number) =>
    (row.attrs.label as string) ||
    (row.attrs.priority ? t(`priorities.${row.attrs.priority as string}.name`) : '') ||
    t('blocks.matrix.rowN', { n: index + 1 });

  return (
    <NodeViewWrapper
      className="method-block matrix-block"
      data-testid="assessment-matrix"
      role="group"
      aria-labelledby={titleId}
    >
      <div contentEditable={false} className="method-block-body">
        <BlockHeader
          id={titleId}
          kind={t('blocks.types.assessmentMatrix.name')}
          title={String(node.attrs.title ?? '')}
          untitled={t('blocks.matrix.untitled')}
          editable={editable}
          onTitle={(title) => updateBlock(editor, getPos, { title })}
        />
        {scoring ? (
          <MatrixScoringBar
            scoring={scoring}
            editable={editable}
            allowObservers={allowObservers}
            onAllowObservers={(allow) => updateBlock(editor, getPos, { allowObservers: allow })}
          />
        ) : null}
        <MatrixScoringContext.Provider value={scoring}>
          <div className="block-scroll" role="region" aria-labelledby={titleId} tabIndex={0}>
            <table className="block-table matrix-table">
              <thead>
                <tr>
                  <th scope="col">{t('blocks.matrix.row')}</th>
                  <th scope="col">{t('blocks.matrix.priority')}</th>
                  {criteria.map((criterion, index) => {
                    const id = blockIdOf(criterion) ?? String(index);
                    const name = criterionName(criterion, index);
                    return (
                      <th scope="col" key={id} data-criterion-id={id}>
                        {editable ? (
                          <div className="block-cell-edit">
                            <AttributeInput
                              className="block-input"
                              value={String(criterion.attrs.label ?? '')}
                              placeholder={name}
                              label={t('blocks.matrix.criterionName', { n: index + 1 })}
                              onCommit={(label) => updateChild(editor, getPos, id, { label })}
                            />
                            <RemoveButton
                              label={t('blocks.matrix.removeCriterion', { name })}
                              disabled={criteria.length < 2}
                              onClick={() => removeChild(editor, getPos, id)}
                            />
                          </div>
                        ) : (
                          name
                        )}
                      </th>
                    );
                  })}
                  {editable ? (
                    <th scope="col" className="block-actions-cell">
                      <button
                        type="button"
                        className="button button-quiet block-add"
                        onClick={() => insertChild(editor, getPos, newMatrixCriterion())}
                      >
                        {t('blocks.matrix.addCriterion')}
                      </button>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  const id = blockIdOf(row) ?? String(index);
                  const name = rowName(row, index);
                  const priority = (row.attrs.priority as string | null) ?? null;
                  return (
                    <tr key={id} data-row-id={id}>
                      <th scope="row">
                        {editable ? (
                          <AttributeInput
                            className="block-input"
                            value={String(row.attrs.label ?? '')}
                            placeholder={name}
                            label={t('blocks.matrix.rowName', { n: index + 1 })}
                            onCommit={(label) => updateChild(editor, getPos, id, { label })}
                          />
                        ) : (
                          name
                        )}
                      </th>
                      <td>
                        {editable ? (
                          <select
                            className="block-select"
                            aria-label={t('blocks.matrix.rowPriority', { name })}
                            value={priority ?? ''}
                            onChange={(event) =>
                              updateChild(editor, getPos, id, {
                                priority: event.target.value || null,
                              })
                            }
                          >
                            <option value="">{t('blocks.matrix.noPriority')}</option>
                            {BLOCK_PRIORITIES.map((p) => (
                              <option key={p} value={p}>
                                {t(`priorities.${p}.name`)}
                              </option>
                            ))}
                          </select>
                        ) : priority ? (
                          t(`priorities.${priority}.name`)
                        ) : (
                          t('blocks.matrix.noPriority')
                        )}
                      </td>
                      {criteria.map((criterion, column) => {
                        const criterionId = blockIdOf(criterion) ?? String(column);
                        return (
                          <td key={criterionId} className="matrix-cell">
                            <MatrixCellSlot
                              editor={editor}
                              matrixId={matrixId}
                              rowId={id}
                              criterionId={criterionId}
                              rowName={name}
                              criterionName={criterionName(criterion, column)}
                              priority={priority}
                              editable={editable}
                            />
                          </td>
                        );
                      })}
                      {editable ? (
                        <td className="block-actions-cell">
                          <RemoveButton
                            label={t('blocks.matrix.removeRow', { name })}
                            disabled={rows.length < 2}
                            onClick={() => removeChild(editor, getPos, id)}
                          />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {scoring ? <MatrixCellPanel scoring={scoring} /> : null}
        </MatrixScoringContext.Provider>
        {editable ? (
          <button
            type="button"
            className="button button-quiet block-add"
            onClick={() => insertChild(editor, getPos, newMatrixRow())}
          >
            {t('blocks.matrix.addRow')}
          </button>
        ) : null}
      </div>
      {/* The children are drawn above from the node; ProseMirror's own copy stays out of sight. */}
      <NodeViewContent className="block-hidden-content" hidden />
    </NodeViewWrapper>
  );
}

/** A "remove" button named after what it removes; disabled when the block needs the last one. */
export function RemoveButton({
  label,
  onClick,
  disabled = false,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="block-remove"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}
