import type { AnyExtension } from '@tiptap/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToolbarMenu } from '../../editor/EditorToolbar';
import { blockViewExtensions } from './blockViews';
import { InsertBlockMenu } from './insert/InsertBlockMenu';
import { SlashMenu } from './insert/SlashMenu';
import { translatedChoices } from './insert/translatedChoices';
import { UniqueBlockIds } from './uniqueBlockIds';

/**
 * What a live document needs for the method blocks: their views, the slash menu, unique ids
 * after a paste, and the toolbar's Insert menu. The extensions are made once per editor.
 */
export function useBlockEditing(): { extensions: AnyExtension[]; insertMenu: ToolbarMenu } {
  const { t } = useTranslation();
  const extensions = useMemo(
    () => [
      ...blockViewExtensions(),
      SlashMenu.configure({ choices: translatedChoices }),
      UniqueBlockIds,
    ],
    [],
  );
  const insertMenu = useMemo<ToolbarMenu>(
    () => ({
      label: t('blocks.insert.menu'),
      render: (editor, close) => <InsertBlockMenu editor={editor} onClose={close} />,
    }),
    [t],
  );
  return { extensions, insertMenu };
}
