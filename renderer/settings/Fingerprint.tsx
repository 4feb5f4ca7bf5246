// A certificate's SHA-256 fingerprint in monospace, selectable, with a button that copies it.
import { useRef, useState } from 'react';
import { admin } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';

export function Fingerprint({ value }: { value: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const codeRef = useRef<HTMLElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard access: select the text so Ctrl+C copies it.
      const range = document.createRange();
      if (codeRef.current) {
        range.selectNodeContents(codeRef.current);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
      setCopied('no');
    }
  };

  return (
    <div className="set-fingerprint">
      <code ref={codeRef} className="set-fingerprint-value" data-testid="fingerprint">
        {/* Lines break only between bytes. */}
        {value.split(':').map((byte, i) => (
          <span key={i}>
            {i > 0 && ':'}
            {i > 0 && i % 16 === 0 && <wbr />}
            {byte}
          </span>
        ))}
      </code>
      <button type="button" className="button button-ghost set-copy" onClick={() => void copy()}>
        <Icon name="copy" size={15} />
        {admin.identity.copy}
      </button>
      <span className="kit-hint" role="status">
        {copied === 'yes' ? admin.identity.copied : copied === 'no' ? admin.identity.copySelect : ''}
      </span>
    </div>
  );
}
