import { FRAGMENT_NAME } from '@polisee/editor-schema';
import * as Y from 'yjs';

/**
 * Collaboration tests type into blocks of their own, inside the editor's fragment: the endpoint
 * refuses anything else (see content/schemaGuard.ts). A test block is a code block with this
 * language, which keeps the tests' text apart from the template's.
 */
const TEST_LANGUAGE = 'polisee-test';

function testBlocks(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment(FRAGMENT_NAME)
    .toArray()
    .filter(
      (node): node is Y.XmlElement =>
        node instanceof Y.XmlElement &&
        node.nodeName === 'codeBlock' &&
        node.getAttribute('language') === TEST_LANGUAGE,
    )
    .map((block) => block.get(0))
    .filter((text): text is Y.XmlText => text instanceof Y.XmlText);
}

/** The text of every test block, in document order (blocks made concurrently merge in order). */
export function testText(doc: Y.Doc | undefined): string {
  if (!doc) return '';
  return testBlocks(doc)
    .map((t) => t.toString())
    .join('');
}

/** Inserts at an offset of `testText`, adding a test block at the end when there is none. */
export function insertTestText(doc: Y.Doc, index: number, text: string): void {
  doc.transact(() => {
    const blocks = testBlocks(doc);
    if (blocks.length === 0) {
      const block = new Y.XmlElement('codeBlock');
      block.setAttribute('language', TEST_LANGUAGE);
      const content = new Y.XmlText();
      block.insert(0, [content]);
      const fragment = doc.getXmlFragment(FRAGMENT_NAME);
      fragment.insert(fragment.length, [block]);
      content.insert(0, text);
      return;
    }
    let offset = index;
    for (const [i, block] of blocks.entries()) {
      if (offset <= block.length || i === blocks.length - 1) {
        block.insert(Math.min(offset, block.length), text);
        return;
      }
      offset -= block.length;
    }
  });
}
