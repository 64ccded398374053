import type { BlockChange } from '@polisee/contracts';
import type { TFunction } from 'i18next';

/**
 * One change inside a method block as a sentence in the reader's language: "Pilot indicators ›
 * Jobs created: target 10 → 12", "Assessment matrix: the row Cluster financing was added". An
 * item with an empty name (a DAC criterion, a priority row) is named by its criterion or priority.
 */
export function blockChangeText(change: BlockChange, t: TFunction): string {
  const block = change.block.title || t(`blocks.types.${change.block.type}.name`);
  if (!change.item) {
    return t(
      change.change === 'added'
        ? 'history.blockChanges.blockAdded'
        : change.change === 'removed'
          ? 'history.blockChanges.blockRemoved'
          : 'history.blockChanges.blockChanged',
      {
        block,
        field: change.field ? fieldName(change.field, t) : '',
        from: value(change.from, t),
        to: value(change.to, t),
      },
    );
  }
  const item = t(`history.blockItems.${change.item.type}`, { name: itemName(change.item, t) });
  if (change.change !== 'changed') {
    return t(`history.blockChanges.item_${change.change}`, { block, item });
  }
  const field = change.field ? fieldName(change.field, t) : '';
  // Narrative text is marked in the compared document itself: only say that it changed.
  if (change.from === null && change.to === null) {
    return t('history.blockChanges.itemTextChanged', { block, item, field });
  }
  return t('history.blockChanges.itemChanged', {
    block,
    item,
    field,
    from: value(change.from, t),
    to: value(change.to, t),
  });
}

function itemName(item: NonNullable<BlockChange['item']>, t: TFunction): string {
  if (item.name) return item.name;
  if (item.dac) return t(`blocks.dac.${item.dac}`);
  if (item.priority) return t(`priorities.${item.priority}.name`);
  return t('history.blockChanges.unnamed');
}

function fieldName(field: string, t: TFunction): string {
  return t(`history.blockFields.${field}`, { defaultValue: field });
}

function value(v: BlockChange['from'], t: TFunction): string {
  if (v === null || v === '') return t('history.blockChanges.empty');
  if (typeof v === 'boolean') return t(v ? 'history.blockChanges.yes' : 'history.blockChanges.no');
  return String(v);
}
