import { WORKSHOP_ERRORS, type OpenPollSource } from '@polisee/contracts';
import { PollOptionTextSchema, type PollSource, type Workshop } from '@polisee/domain';
import { FRAGMENT_NAME, readBlocks, type JSONContent } from '@polisee/editor-schema';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { workshopError } from '../live/workshopErrors.js';

/** An item of a board as a poll offers it: its id, and its label (empty when unnamed). */
interface BoardItem {
  id: string;
  label: string;
}

/**
 * A dot vote opened from a foresight board (decision 0053) is checked against the board as
 * the document holds it now, read headless from the live room (edits not yet stored count):
 *  - the document is one of the workshop's, and holds the board (`poll_source_unknown`);
 *  - the options are exactly the board's drivers (or scenarios), same ids in the same order,
 *    and each option's text is its item's label; an unnamed item may carry any name, the one
 *    the facilitator's page showed in its language (`poll_source_changed`).
 * A facilitator's page that had not yet received a partner's edit gets `poll_source_changed`
 * and opens again from the board as it is, rather than a poll that misses an item.
 */
export async function checkPollSource(
  live: LiveDocuments,
  workshop: Workshop,
  source: OpenPollSource,
  options: readonly string[],
): Promise<PollSource> {
  if (!workshop.documentIds.includes(source.documentId)) {
    throw workshopError(
      WORKSHOP_ERRORS.unknownSource,
      "The board's document is not one of the workshop's documents.",
    );
  }
  const json = await live.read(
    source.documentId,
    (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FRAGMENT_NAME)) as JSONContent,
  );
  const board = readBlocks(json).boards.find((b) => b.boardId === source.blockId);
  if (!board) {
    throw workshopError(WORKSHOP_ERRORS.unknownSource, 'The document holds no such board.');
  }
  const items: BoardItem[] =
    source.items === 'drivers'
      ? board.drivers.map((d) => ({ id: d.driverId, label: d.label }))
      : board.scenarios.map((s) => ({ id: s.scenarioId, label: s.name }));
  const matches =
    items.length === source.itemIds.length &&
    items.every((item, i) => item.id === source.itemIds[i] && sameLabel(item.label, options[i]!));
  if (!matches) {
    throw workshopError(
      WORKSHOP_ERRORS.sourceChanged,
      'The board has changed since the vote was prepared: open it again.',
    );
  }
  return { documentId: source.documentId, blockId: source.blockId, items: source.items };
}

/** The label compared as an option's text is stored (trimmed, control characters removed). */
function sameLabel(label: string, option: string): boolean {
  const normalised = PollOptionTextSchema.safeParse(label);
  // Unnamed (or a label no option could carry): the page named it in the reader's language.
  if (!normalised.success) return true;
  return normalised.data === option;
}
