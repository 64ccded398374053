import { QUADRANTS, type Quadrant } from '@polisee/editor-schema';
import {
  NodeViewContent,
  NodeViewWrapper,
  useEditorState,
  type NodeViewProps,
} from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AttributeInput } from '../fields/AttributeInput';
import { useEditable } from '../fields/useEditable';
import { RemoveButton } from '../matrix/AssessmentMatrixView';
import { ItemDots } from './ItemDots';
import { quadrantLabel } from './quadrants';
import { SectionLinks } from './SectionLinks';

interface AroundScenario {
  x: string | null;
  y: string | null;
  /** The board's id, which its dot votes name. */
  boardId: string | null;
}

const NOWHERE: AroundScenario = { x: null, y: null, boardId: null };

/** The names of the board's two axis drivers and its id, read from the board around a scenario. */
function axisNames(
  editor: NodeViewProps['editor'],
  getPos: NodeViewProps['getPos'],
): AroundScenario {
  const pos = getPos();
  if (pos === undefined || pos > editor.state.doc.content.size) return NOWHERE;
  const board = editor.state.doc.resolve(pos).parent;
  if (board.type.name !== 'foresightBoard') return NOWHERE;
  const name = (id: unknown) => {
    let found: string | null = null;
    board.forEach((child) => {
      if (child.type.name === 'foresightDriver' && child.attrs.driverId === id)
        found = String(child.attrs.label ?? '') || null;
    });
    return found;
  };
  return {
    x: name(board.attrs.axisX),
    y: name(board.attrs.axisY),
    boardId: typeof board.attrs.boardId === 'string' ? board.attrs.boardId : null,
  };
}

/**
 * One scenario of the 2×2: its name (an attribute) and its narrative (paragraphs, real content
 * that partners write together). Placed in its quadrant by the board's grid.
 */
export function ScenarioView({
  node,
  editor,
  getPos,
  deleteNode,
  updateAttributes,
}: NodeViewProps) {
  const { t } = useTranslation();
  const editable = useEditable(editor);
  const nameId = useId();
  // The axes live on the board: a change there does not re-render this view on its own.
  const axes = useEditorState({
    editor,
    selector: ({ editor: e }) => axisNames(e, getPos),
    equalityFn: (a, b) => a?.x === b?.x && a?.y === b?.y && a?.boardId === b?.boardId,
  });
  const quadrant = (
    QUADRANTS.includes(node.attrs.quadrant as Quadrant) ? node.attrs.quadrant : 'hh'
  ) as Quadrant;
  const where = quadrantLabel(t, quadrant, axes?.x ?? null, axes?.y ?? null);
  const name = String(node.attrs.name ?? '');

  return (
    <NodeViewWrapper
      className="foresight-scenario"
      data-testid="foresight-scenario"
      role="group"
      aria-labelledby={nameId}
    >
      <div contentEditable={false} className="foresight-scenario-head">
        <span className="foresight-quadrant">{where}</span>
        {editable ? (
          <>
            <span id={nameId} className="visually-hidden">
              {name || where}
            </span>
            <div className="block-cell-edit">
              <AttributeInput
                className="block-input foresight-scenario-name"
                value={name}
                placeholder={t('blocks.foresight.scenarioPlaceholder')}
                label={t('blocks.foresight.scenarioName', { quadrant: where })}
                onCommit={(text) => updateAttributes({ name: text })}
              />
              <RemoveButton
                label={t('blocks.foresight.removeScenario', { name: name || where })}
                onClick={() => deleteNode()}
              />
            </div>
          </>
        ) : (
          <p id={nameId} className="foresight-scenario-name">
            {name || t('blocks.foresight.unnamedScenario')}
          </p>
        )}
        {axes?.boardId && typeof node.attrs.scenarioId === 'string' ? (
          <ItemDots
            boardId={axes.boardId}
            items="scenarios"
            itemId={node.attrs.scenarioId}
            name={name || where}
          />
        ) : null}
      </div>
      <NodeViewContent
        className="foresight-narrative"
        // A named group: a plain div may not carry a label.
        role="group"
        aria-label={t('blocks.foresight.narrative', { name: name || where })}
      />
      <div contentEditable={false} className="foresight-scenario-links">
        <p className="block-subheading">{t('foresight.links.title')}</p>
        <SectionLinks
          value={node.attrs.sectionLinks}
          name={name || where}
          editable={editable}
          onChange={(sectionLinks) => updateAttributes({ sectionLinks })}
        />
      </div>
    </NodeViewWrapper>
  );
}
