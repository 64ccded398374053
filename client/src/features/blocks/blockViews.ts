import {
  AssessmentMatrix,
  ForesightBoard,
  ForesightScenario,
  PilotIndicators,
} from '@polisee/editor-schema';
import type { AnyExtension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { ForesightBoardView } from './foresight/ForesightBoardView';
import { ScenarioView } from './foresight/ScenarioView';
import { AssessmentMatrixView } from './matrix/AssessmentMatrixView';
import { PilotIndicatorsView } from './pilot/PilotIndicatorsView';
import './blocks.css';

/** A comparison between versions marks a changed block: the mark stays on the view's element. */
const diffAttribute = ({ node }: { node: PmNode }): Record<string, string> =>
  node.attrs.diff ? { 'data-diff': String(node.attrs.diff) } : {};

/**
 * The method blocks with their React views: the shared, headless nodes (the same schema the
 * server reads) extended with a view and nothing else. Children that are atoms (rows,
 * criteria, drivers, wildcards, indicators) are drawn by their block's view.
 */
export function blockViewExtensions(): AnyExtension[] {
  return [
    AssessmentMatrix.extend({
      addNodeView: () => ReactNodeViewRenderer(AssessmentMatrixView, { attrs: diffAttribute }),
    }),
    ForesightBoard.extend({
      addNodeView: () => ReactNodeViewRenderer(ForesightBoardView, { attrs: diffAttribute }),
    }),
    ForesightScenario.extend({
      addNodeView: () =>
        ReactNodeViewRenderer(ScenarioView, {
          // The board's grid places each scenario in its quadrant by this attribute.
          attrs: ({ node }) => ({
            'data-quadrant': String(node.attrs.quadrant ?? ''),
            ...diffAttribute({ node }),
          }),
        }),
    }),
    PilotIndicators.extend({
      addNodeView: () => ReactNodeViewRenderer(PilotIndicatorsView, { attrs: diffAttribute }),
    }),
  ];
}
