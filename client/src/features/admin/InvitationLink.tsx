import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The one-time link, selectable in a read-only field, with a Copy button. */
export function InvitationLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): select the text instead.
      inputRef.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="invitation-link" role="region" aria-labelledby="invitation-link-label">
      <div className="alert alert-success" role="status">
        <p>{t('admin.invite.created')}</p>
      </div>
      <label id="invitation-link-label" htmlFor="invitation-link">
        {t('admin.invite.link')}
      </label>
      <div className="copy-row">
        <input
          id="invitation-link"
          name="invitationLink"
          ref={inputRef}
          type="text"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby="invitation-link-hint"
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('admin.invite.copy')}
        </button>
      </div>
      <p id="invitation-link-hint" className="field-hint">
        {t('admin.invite.linkHint')}
      </p>
      <p className="small" role="status">
        {copied === 'yes'
          ? t('admin.invite.copied')
          : copied === 'failed'
            ? t('admin.invite.copyFailed')
            : ''}
      </p>
    </div>
  );
}
