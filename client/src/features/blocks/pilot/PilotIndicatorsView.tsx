import { blockIdOf, newPilotIndicator } from '@polisee/editor-schema';
import type { Node as PmNode } from '@tiptap/pm/model';
import { NodeViewContent, NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockHeader } from '../BlockHeader';
import { childrenOf, insertChild, removeChild, updateBlock, updateChild } from '../childNodes';
import { AttributeInput } from '../fields/AttributeInput';
import { useEditable } from '../fields/useEditable';
import { RemoveButton } from '../matrix/AssessmentMatrixView';
import { achievementDisplay, formatIndicatorNumber, parseIndicatorNumber } from './achievement';

const TEXT_FIELDS = ['name', 'unit'] as const;
const NUMBER_FIELDS = ['baseline', 'target', 'result'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

const numberOf = (node: PmNode, field: NumberField) =>
  typeof node.attrs[field] === 'number' ? (node.attrs[field] as number) : null;

/** A pilot's indicators: one row each, with the achievement computed from the numbers. */
export function PilotIndicatorsView({ node, editor, getPos }: NodeViewProps) {
  const { t, i18n } = useTranslation();
  const editable = useEditable(editor);
  const titleId = useId();
  const language = i18n.language;
  const indicators = childrenOf(node, 'pilotIndicator');

  return (
    <NodeViewWrapper
      className="method-block pilot-block"
      data-testid="pilot-indicators"
      role="group"
      aria-labelledby={titleId}
    >
      <div contentEditable={false} className="method-block-body">
        <BlockHeader
          id={titleId}
          kind={t('blocks.types.pilotIndicators.name')}
          title={String(node.attrs.title ?? '')}
          untitled={t('blocks.pilot.untitled')}
          editable={editable}
          onTitle={(title) => updateBlock(editor, getPos, { title })}
        />
        <div className="block-scroll" role="region" aria-labelledby={titleId} tabIndex={0}>
          <table className="block-table pilot-table">
            <thead>
              <tr>
                {[...TEXT_FIELDS, ...NUMBER_FIELDS, 'source' as const].map((field) => (
                  <th scope="col" key={field}>
                    {t(`blocks.pilot.${field}`)}
                  </th>
                ))}
                <th scope="col">{t('blocks.pilot.achievement')}</th>
                {editable ? (
                  <th scope="col" className="block-actions-cell">
                    <span className="visually-hidden">{t('blocks.common.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator, index) => {
                const id = blockIdOf(indicator) ?? String(index);
                const name =
                  (indicator.attrs.name as string) ||
                  t('blocks.pilot.indicatorN', { n: index + 1 });
                const achievement = achievementDisplay(
                  {
                    baseline: numberOf(indicator, 'baseline'),
                    target: numberOf(indicator, 'target'),
                    result: numberOf(indicator, 'result'),
                  },
                  language,
                );
                const fieldLabel = (field: string) =>
                  t('blocks.common.fieldOf', { field: t(`blocks.pilot.${field}`), name });
                return (
                  <tr key={id} data-indicator-id={id}>
                    {TEXT_FIELDS.map((field) => (
                      <td key={field}>
                        {editable ? (
                          <AttributeInput
                            className="block-input"
                            name={field}
                            value={String(indicator.attrs[field] ?? '')}
                            label={
                              field === 'name'
                                ? t('blocks.pilot.nameN', { n: index + 1 })
                                : fieldLabel(field)
                            }
                            onCommit={(text) => updateChild(editor, getPos, id, { [field]: text })}
                          />
                        ) : (
                          String(indicator.attrs[field] ?? '')
                        )}
                      </td>
                    ))}
                    {NUMBER_FIELDS.map((field) => {
                      const value = numberOf(indicator, field);
                      return (
                        <td key={field} className="block-number">
                          {editable ? (
                            <AttributeInput
                              className="block-input block-input-number"
                              name={field}
                              inputMode="decimal"
                              value={formatIndicatorNumber(value, language)}
                              label={fieldLabel(field)}
                              onCommit={(text) => {
                                const parsed = parseIndicatorNumber(text, language);
                                if (parsed === undefined) return false;
                                updateChild(editor, getPos, id, { [field]: parsed });
                                return true;
                              }}
                            />
                          ) : (
                            formatIndicatorNumber(value, language)
                          )}
                        </td>
                      );
                    })}
                    <td>
                      {editable ? (
                        <AttributeInput
                          className="block-input"
                          name="source"
                          value={String(indicator.attrs.source ?? '')}
                          label={fieldLabel('source')}
                          onCommit={(source) => updateChild(editor, getPos, id, { source })}
                        />
                      ) : (
                        String(indicator.attrs.source ?? '')
                      )}
                    </td>
                    <td className="pilot-achievement" data-testid="indicator-achievement">
                      {achievement ? (
                        <>
                          <span className="pilot-achievement-text">{achievement.text}</span>
                          <span
                            className="pilot-achievement-bar"
                            data-state={achievement.state}
                            aria-hidden="true"
                          >
                            <span style={{ width: `${achievement.barPercent}%` }} />
                          </span>
                        </>
                      ) : (
                        <span className="muted">
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('blocks.pilot.noAchievement')}</span>
                        </span>
                      )}
                    </td>
                    {editable ? (
                      <td className="block-actions-cell">
                        <RemoveButton
                          label={t('blocks.pilot.remove', { name })}
                          disabled={indicators.length < 2}
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
        {editable ? (
          <button
            type="button"
            className="button button-quiet block-add"
            onClick={() => insertChild(editor, getPos, newPilotIndicator())}
          >
            {t('blocks.pilot.add')}
          </button>
        ) : null}
      </div>
      <NodeViewContent className="block-hidden-content" hidden />
    </NodeViewWrapper>
  );
}
