import {
  blockIdOf,
  newForesightDriver,
  newForesightScenario,
  newForesightWildcard,
  QUADRANTS,
  STEEP_CATEGORIES,
  type Quadrant,
  type SteepCategory,
} from '@polisee/editor-schema';
import { NodeViewContent, NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockHeader } from '../BlockHeader';
import { childrenOf, insertChild, removeChild, updateBlock, updateChild } from '../childNodes';
import { AttributeInput } from '../fields/AttributeInput';
import { RatingSelect } from '../fields/RatingSelect';
import { useEditable } from '../fields/useEditable';
import { RemoveButton } from '../matrix/AssessmentMatrixView';
import { BoardVotes, type VoteItem } from './BoardVotes';
import { DriverPlot, type PlotDriver } from './DriverPlot';
import { ItemDots } from './ItemDots';
import { quadrantLabel } from './quadrants';

/**
 * A foresight board: STEEP drivers rated for impact and uncertainty and plotted, two of them
 * chosen as the axes of a 2×2 of scenarios, and wildcards. The scenarios are real content
 * (their narratives are paragraphs, written together as text); drivers and wildcards are drawn
 * here from the node and edited one child at a time.
 */
export function ForesightBoardView({ node, editor, getPos }: NodeViewProps) {
  const { t } = useTranslation();
  const editable = useEditable(editor);
  const titleId = useId();
  const driverNodes = childrenOf(node, 'foresightDriver');
  const scenarios = childrenOf(node, 'foresightScenario');
  const wildcards = childrenOf(node, 'foresightWildcard');
  const axisX = (node.attrs.axisX as string | null) ?? null;
  const axisY = (node.attrs.axisY as string | null) ?? null;

  // Grouped by STEEP category, in the order the plot numbers them.
  const drivers: (PlotDriver & { label: string })[] = STEEP_CATEGORIES.flatMap((category) =>
    driverNodes
      .filter((d) => d.attrs.category === category)
      .map((d) => ({
        driverId: blockIdOf(d) ?? '',
        name: String(d.attrs.label ?? '') || t('blocks.foresight.unnamedDriver'),
        label: String(d.attrs.label ?? ''),
        category,
        impact: Number(d.attrs.impact),
        uncertainty: Number(d.attrs.uncertainty),
      })),
  );
  const numberOf = new Map(drivers.map((d, i) => [d.driverId, i + 1]));
  const nameOf = (id: string | null) => drivers.find((d) => d.driverId === id)?.name ?? null;
  const boardId = blockIdOf(node) ?? '';
  // A vote names every item, distinctly: an unnamed one by its number, a scenario by its quadrant.
  const voteDrivers: VoteItem[] = drivers.map((d, i) => ({
    id: d.driverId,
    name: d.label.trim() || t('foresight.votes.unnamedDriver', { n: i + 1 }),
  }));
  const voteScenarios: VoteItem[] = scenarios.map((s) => ({
    id: blockIdOf(s) ?? '',
    name:
      String(s.attrs.name ?? '').trim() ||
      quadrantLabel(t, s.attrs.quadrant as Quadrant, nameOf(axisX), nameOf(axisY)),
  }));
  const missingQuadrants = QUADRANTS.filter(
    (quadrant) => !scenarios.some((s) => s.attrs.quadrant === quadrant),
  );

  const axisSelect = (axis: 'axisX' | 'axisY', value: string | null, other: string | null) => (
    <label className="block-field">
      <span>{t(`blocks.foresight.${axis}`)}</span>
      {editable ? (
        <select
          className="block-select"
          value={value ?? ''}
          onChange={(event) => updateBlock(editor, getPos, { [axis]: event.target.value || null })}
        >
          <option value="">{t('blocks.foresight.noAxis')}</option>
          {drivers.map((d) => (
            <option key={d.driverId} value={d.driverId} disabled={d.driverId === other}>
              {numberOf.get(d.driverId)}. {d.name}
            </option>
          ))}
        </select>
      ) : (
        <strong>{nameOf(value) ?? t('blocks.foresight.noAxis')}</strong>
      )}
    </label>
  );

  return (
    <NodeViewWrapper
      className="method-block foresight-block"
      data-testid="foresight-board"
      role="group"
      aria-labelledby={titleId}
    >
      <div contentEditable={false} className="method-block-body">
        <BlockHeader
          id={titleId}
          kind={t('blocks.types.foresightBoard.name')}
          title={String(node.attrs.title ?? '')}
          untitled={t('blocks.foresight.untitled')}
          editable={editable}
          onTitle={(title) => updateBlock(editor, getPos, { title })}
        />
        <div className="foresight-drivers-and-plot">
          <div className="foresight-drivers">
            <p className="block-subheading">{t('blocks.foresight.drivers')}</p>
            {STEEP_CATEGORIES.map((category) => (
              <DriverGroup
                key={category}
                boardId={boardId}
                category={category}
                drivers={drivers.filter((d) => d.category === category)}
                numberOf={numberOf}
                editable={editable}
                onChange={(id, attributes) => updateChild(editor, getPos, id, attributes)}
                onRemove={(id) => {
                  // A driver that is an axis leaves the axis empty rather than dangling.
                  if (id === axisX) updateBlock(editor, getPos, { axisX: null });
                  if (id === axisY) updateBlock(editor, getPos, { axisY: null });
                  removeChild(editor, getPos, id);
                }}
                onAdd={() =>
                  insertChild(editor, getPos, newForesightDriver({ category }), [
                    'foresightScenario',
                    'foresightWildcard',
                  ])
                }
              />
            ))}
          </div>
          <DriverPlot drivers={drivers} axes={[axisX, axisY].filter((a): a is string => !!a)} />
        </div>
        <div className="foresight-axes">
          {axisSelect('axisX', axisX, axisY)}
          {axisSelect('axisY', axisY, axisX)}
        </div>
        <p className="block-subheading">{t('blocks.foresight.scenarios')}</p>
      </div>
      <NodeViewContent className="foresight-scenarios" />
      <div contentEditable={false} className="method-block-body">
        {editable && missingQuadrants.length > 0 ? (
          <div className="button-row">
            {missingQuadrants.map((quadrant) => (
              <button
                key={quadrant}
                type="button"
                className="button button-quiet block-add"
                onClick={() =>
                  insertChild(editor, getPos, newForesightScenario({ quadrant }), [
                    'foresightWildcard',
                  ])
                }
              >
                {t('blocks.foresight.addScenario', {
                  quadrant: quadrantLabel(t, quadrant, nameOf(axisX), nameOf(axisY)),
                })}
              </button>
            ))}
          </div>
        ) : null}
        <BoardVotes
          boardId={boardId}
          title={String(node.attrs.title ?? '')}
          drivers={voteDrivers}
          scenarios={voteScenarios}
        />
        <p className="block-subheading">{t('blocks.foresight.wildcards')}</p>
        {wildcards.length === 0 ? (
          <p className="muted">{t('blocks.foresight.noWildcards')}</p>
        ) : null}
        <ul className="foresight-wildcards">
          {wildcards.map((wildcard, index) => {
            const id = blockIdOf(wildcard) ?? String(index);
            const label = String(wildcard.attrs.label ?? '');
            return (
              <li key={id}>
                {editable ? (
                  <>
                    <AttributeInput
                      className="block-input"
                      value={label}
                      label={t('blocks.foresight.wildcardN', { n: index + 1 })}
                      onCommit={(text) => updateChild(editor, getPos, id, { label: text })}
                    />
                    <RemoveButton
                      label={t('blocks.foresight.removeWildcard', {
                        name: label || t('blocks.foresight.wildcardN', { n: index + 1 }),
                      })}
                      onClick={() => removeChild(editor, getPos, id)}
                    />
                  </>
                ) : (
                  label
                )}
              </li>
            );
          })}
        </ul>
        {editable ? (
          <button
            type="button"
            className="button button-quiet block-add"
            onClick={() => insertChild(editor, getPos, newForesightWildcard())}
          >
            {t('blocks.foresight.addWildcard')}
          </button>
        ) : null}
      </div>
    </NodeViewWrapper>
  );
}

function DriverGroup({
  boardId,
  category,
  drivers,
  numberOf,
  editable,
  onChange,
  onRemove,
  onAdd,
}: {
  boardId: string;
  category: SteepCategory;
  drivers: (PlotDriver & { label: string })[];
  numberOf: Map<string, number>;
  editable: boolean;
  onChange: (driverId: string, attributes: Record<string, unknown>) => void;
  onRemove: (driverId: string) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const groupId = useId();
  const categoryName = t(`blocks.steep.${category}`);
  if (!editable && drivers.length === 0) return null;
  return (
    <div className="foresight-driver-group" role="group" aria-labelledby={groupId}>
      <p id={groupId} className="foresight-category" data-category={category}>
        {categoryName}
      </p>
      <ul className="foresight-driver-list">
        {drivers.map((driver) => (
          <li key={driver.driverId} className="foresight-driver" data-driver-id={driver.driverId}>
            <span className="foresight-driver-number" aria-hidden="true">
              {numberOf.get(driver.driverId)}
            </span>
            {editable ? (
              <>
                <AttributeInput
                  className="block-input"
                  value={driver.label}
                  label={t('blocks.foresight.driverName', { category: categoryName })}
                  onCommit={(label) => onChange(driver.driverId, { label })}
                />
                <select
                  className="block-select"
                  aria-label={t('blocks.foresight.categoryOf', { name: driver.name })}
                  value={category}
                  onChange={(event) => onChange(driver.driverId, { category: event.target.value })}
                >
                  {STEEP_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`blocks.steep.${c}`)}
                    </option>
                  ))}
                </select>
                {/* The visible word starts the accessible name (WCAG 2.5.3, label in name). */}
                <span className="foresight-rating">
                  <span aria-hidden="true">{t('blocks.foresight.impact')}</span>
                  <RatingSelect
                    value={driver.impact}
                    label={t('blocks.foresight.impactOf', { name: driver.name })}
                    onChange={(impact) => onChange(driver.driverId, { impact })}
                  />
                </span>
                <span className="foresight-rating">
                  <span aria-hidden="true">{t('blocks.foresight.uncertainty')}</span>
                  <RatingSelect
                    value={driver.uncertainty}
                    label={t('blocks.foresight.uncertaintyOf', { name: driver.name })}
                    onChange={(uncertainty) => onChange(driver.driverId, { uncertainty })}
                  />
                </span>
                <RemoveButton
                  label={t('blocks.foresight.removeDriver', { name: driver.name })}
                  onClick={() => onRemove(driver.driverId)}
                />
              </>
            ) : (
              <span>
                {driver.name}{' '}
                <span className="muted">
                  {t('blocks.foresight.ratings', {
                    impact: driver.impact,
                    uncertainty: driver.uncertainty,
                  })}
                </span>
              </span>
            )}
            <ItemDots
              boardId={boardId}
              items="drivers"
              itemId={driver.driverId}
              name={driver.name}
            />
          </li>
        ))}
      </ul>
      {editable ? (
        <button type="button" className="button button-quiet block-add" onClick={onAdd}>
          {t('blocks.foresight.addDriver', { category: categoryName })}
        </button>
      ) : null}
    </div>
  );
}
