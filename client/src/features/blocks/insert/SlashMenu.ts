import type { MethodBlockType } from '@polisee/editor-schema';
import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { ReactRenderer } from '@tiptap/react';
import { exitSuggestion, Suggestion, type SuggestionProps } from '@tiptap/suggestion';
import type { BlockChoice } from './blockCatalog';
import { filterBlockChoices } from './blockCatalog';
import { canInsertBlock, insertBlock } from './insertBlock';
import { SlashMenuList, type SlashMenuHandle } from './SlashMenuList';

export const slashMenuKey = new PluginKey('blockSlashMenu');

export interface SlashMenuOptions {
  /** The blocks, named in the current UI language (read at each keystroke). */
  choices: () => BlockChoice[];
}

/**
 * "/" at the start of an empty paragraph lists the blocks; typing filters them, the arrow
 * keys and Enter pick one, Escape closes the list. The trigger, the query and the dismissal
 * are TipTap's suggestion utility (the same one as @mentions in comments).
 */
export const SlashMenu = Extension.create<SlashMenuOptions>({
  name: 'blockSlashMenu',

  addOptions() {
    return { choices: () => [] };
  },

  addProseMirrorPlugins() {
    const { choices } = this.options;
    return [
      Suggestion<BlockChoice, { type: MethodBlockType }>({
        editor: this.editor,
        pluginKey: slashMenuKey,
        char: '/',
        startOfLine: true,
        allowSpaces: true,
        // Only a paragraph holding nothing but the command, and never inside a block.
        allow: ({ state, range }) => {
          const $from = state.doc.resolve(range.from);
          return (
            $from.parent.type.name === 'paragraph' &&
            $from.parent.textContent === state.doc.textBetween(range.from, range.to) &&
            canInsertBlock(state)
          );
        },
        items: ({ query }) => filterBlockChoices(choices(), query),
        command: ({ editor, range, props }) => {
          insertBlock(editor, props.type, range);
        },
        render: () => {
          let renderer: ReactRenderer<SlashMenuHandle, SuggestionProps<BlockChoice>> | null = null;
          let unmount: (() => void) | null = null;
          return {
            onStart: (props) => {
              renderer = new ReactRenderer(SlashMenuList, { props, editor: props.editor });
              unmount = props.mount(renderer.element as HTMLElement);
            },
            onUpdate: (props) => renderer?.updateProps(props),
            onKeyDown: ({ event, view }) => {
              if (event.key === 'Escape') {
                exitSuggestion(view, slashMenuKey);
                return true;
              }
              return renderer?.ref?.onKeyDown(event) ?? false;
            },
            onExit: () => {
              unmount?.();
              renderer?.destroy();
              renderer = null;
              unmount = null;
            },
          };
        },
      }),
    ];
  },
});
