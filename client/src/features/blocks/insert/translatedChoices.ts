import type { MethodBlockType } from '@polisee/editor-schema';
import { i18n } from '../../../i18n';
import { blockChoices } from './blockCatalog';

/** The blocks named in the current UI language (read when a menu opens or a query changes). */
export const translatedChoices = () =>
  blockChoices(
    (type: MethodBlockType) => i18n.t(`blocks.types.${type}.name`),
    (type: MethodBlockType) => i18n.t(`blocks.types.${type}.description`),
  );
