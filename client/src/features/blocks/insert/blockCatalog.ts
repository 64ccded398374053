import {
  METHOD_BLOCK_TYPES,
  newAssessmentMatrix,
  newForesightBoard,
  newPilotIndicators,
  type JSONContent,
  type MethodBlockType,
} from '@polisee/editor-schema';

/** A block the user can insert, named in the UI language. */
export interface BlockChoice {
  type: MethodBlockType;
  name: string;
  description: string;
}

/** Fresh content of each block, with fresh ids (the editor-schema factories). */
export const NEW_BLOCK: Record<MethodBlockType, () => JSONContent> = {
  assessmentMatrix: () => newAssessmentMatrix(),
  foresightBoard: () => newForesightBoard(),
  pilotIndicators: () => newPilotIndicators(),
};

/** The three blocks, named with `name(type)` and `description(type)` (translations). */
export function blockChoices(
  name: (type: MethodBlockType) => string,
  description: (type: MethodBlockType) => string,
): BlockChoice[] {
  return METHOD_BLOCK_TYPES.map((type) => ({
    type,
    name: name(type),
    description: description(type),
  }));
}

/** Case and accents do not matter: "evaluare" finds "Evaluare", "ορος" finds "Όρος". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The choices a slash-menu query keeps: every word typed must start a word of the name or
 * of the description ("/pil ind" finds "Pilot indicators"); names that match come first.
 */
export function filterBlockChoices(choices: BlockChoice[], query: string): BlockChoice[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return choices;
  const startsAWord = (text: string, word: string) =>
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .some((part) => part.startsWith(word));
  const scored = choices
    .map((choice, index) => {
      const inName = words.every((w) => startsAWord(choice.name, w));
      const anywhere = words.every(
        (w) => startsAWord(choice.name, w) || startsAWord(choice.description, w),
      );
      return { choice, index, rank: inName ? 0 : anywhere ? 1 : -1 };
    })
    .filter((entry) => entry.rank >= 0);
  scored.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return scored.map((entry) => entry.choice);
}
