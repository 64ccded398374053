import { diffExtensions, sharedExtensions, type JSONContent } from '@polisee/editor-schema';
import type { AnyExtension } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';

interface ReadOnlyDocumentProps {
  /** ProseMirror JSON in the shared schema, possibly with diff marks (a comparison). */
  content: Record<string, unknown>;
  /** Accessible name, already translated. */
  label: string;
  language: string;
  testId?: string;
  /** Node views a feature adds (see CollaborativeEditor's `extensions`). */
  extensions?: AnyExtension[];
}

/** A saved state of a document (a version, a comparison, the published text), read-only. */
export function ReadOnlyDocument({
  content,
  label,
  language,
  testId,
  extensions = [],
}: ReadOnlyDocumentProps) {
  const editor = useEditor({
    extensions: [
      ...sharedExtensions().filter((shared) => !extensions.some((e) => e.name === shared.name)),
      ...extensions,
      ...diffExtensions(),
    ],
    content: content as JSONContent,
    editable: false,
    immediatelyRender: true,
    editorProps: {
      attributes: { class: 'document-body', role: 'document', 'aria-label': label, lang: language },
    },
  });

  useEffect(() => {
    if (!editor.isDestroyed)
      editor.commands.setContent(content as JSONContent, { emitUpdate: false });
  }, [editor, content]);

  return (
    <div className="document-editor read-only-document" data-testid={testId}>
      <EditorContent editor={editor} className="document-content" />
    </div>
  );
}
