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

  append(s: string): void {
    if (!this.text) this.add();
    this.text!.insert(this.text!.length, s);
  }
}
