import * as Y from 'yjs';

/**
 * What every bench client edits: the XmlFragment TipTap binds to (FRAGMENT_NAME, passed in so
 * that the generator threads need not load TipTap). A client adds one paragraph of its own and
 * types at its end, as a workshop participant writing their own notes would.
 */
export class OwnParagraph {
  private text: Y.XmlText | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly fragmentName: string,
  ) {}

  add(initial = ''): void {
    const fragment = this.doc.getXmlFragment(this.fragmentName);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText(initial);
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    this.text = text;
  }

  /** An edit as BENCH_EDIT says: a new paragraph at a random index, or typing (`type`). */
  append(s: string): void {
    if (EDIT_SHAPE === 'paragraph') return this.insertParagraph(s);
    this.type(s);
  }

  /** Text typed at the end of this client's paragraph, whatever BENCH_EDIT says. */
  type(s: string): void {
    if (!this.text) this.add();
    this.text!.insert(this.text!.length, s);
  }

  /** The independent harness's edit (issue 18): a short new paragraph at a random index. */
  private insertParagraph(s: string): void {
    const fragment = this.doc.getXmlFragment(this.fragmentName);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(s)]);
    fragment.insert(Math.floor(Math.random() * (fragment.length + 1)), [paragraph]);
  }
}

/**
 * How a client edits (BENCH_EDIT, read by the worker threads too): `paragraph` (default) inserts
 * each token as a new paragraph at a random index of the fragment, as the independent harness
 * of issue 18 does — every edit changes the document's structure, which is what the server's
 * schema check, anchors and recorders see from people pasting or splitting paragraphs; `type`
 * appends it to the client's own paragraph, as a person typing at the end of their notes.
 */
export const EDIT_SHAPE: 'paragraph' | 'type' =
  process.env.BENCH_EDIT === 'type' ? 'type' : 'paragraph';
