import { sharedExtensions, type JSONContent } from '@polisee/editor-schema';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';

interface ReadOnlyDocumentProps {
  /** ProseMirror JSON in the shared editor schema, as `GET /api/documents/:id/content` returns it. */
  content: JSONContent;
  /** Accessible name of the document body, already translated. */
  label: string;
}

/**
 * Renders a document with the same schema the server and the future live editor use.
 * It is a TipTap editor in read-only mode so that it can grow into the collaborative editor
 * without a second renderer to keep in step.
 */
export function ReadOnlyDocument({ content, label }: ReadOnlyDocumentProps) {
  const extensions = useMemo(() => sharedExtensions(), []);
  const editor = useEditor({
    extensions,
    content,
    editable: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'document-body', 'aria-label': label, 'aria-readonly': 'true' },
    },
  });

  // New content (another fetch) replaces what is shown, without re-creating the editor.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.commands.setContent(content, { emitUpdate: false });
  }, [editor, content]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dom.setAttribute('aria-label', label);
  }, [editor, label]);

  return <EditorContent editor={editor} className="document-content" />;
}
