// Audio or video evidence with the platform's controls, streamed with byte ranges so seeking is instant.
import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import { t } from '../strings/en.js';
import { CardTile } from './ArtifactCard.js';
import { SystemFileCard } from './SystemFileCard.js';
import { evidenceUrl, type ViewerProps } from './viewer-types.js';
import './viewers.css';

export interface MediaPlayerProps extends ViewerProps {
  kind: 'audio' | 'video';
}

/** Seconds to one decimal: precise enough to find the moment again, short enough to read. */
const roundTime = (s: number) => Math.round(s * 10) / 10;

export function MediaPlayer({ artifact, blind, request, takeFocus, kind, ref }: MediaPlayerProps) {
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const [failed, setFailed] = useState(false);

  useImperativeHandle(
    ref,
    () => ({
      anchor: () => ({ artifactId: artifact.id, timeSeconds: roundTime(mediaRef.current?.currentTime ?? 0) }),
      focus: () => mediaRef.current?.focus(),
    }),
    [artifact.id],
  );

  useEffect(() => {
    if (takeFocus) mediaRef.current?.focus({ preventScroll: true });
  }, [takeFocus]);

  useEffect(() => {
    const media = mediaRef.current;
    const time = request?.anchor.timeSeconds;
    if (!media || time === undefined) return;
    const seekAndPlay = () => {
      media.currentTime = Math.min(time, Number.isFinite(media.duration) ? media.duration : time);
      // Autoplay rules may refuse without a recent gesture; the position is set either way.
      media.play().catch(() => {});
    };
    if (media.readyState >= HTMLMediaElement.HAVE_METADATA) seekAndPlay();
    else {
      media.addEventListener('loadedmetadata', seekAndPlay, { once: true });
      return () => media.removeEventListener('loadedmetadata', seekAndPlay);
    }
  }, [request]);

  if (failed) {
    return (
      <div className="mp mp-failed">
        <SystemFileCard artifact={artifact} blind={blind} hint={t.evidence.media.failed} />
      </div>
    );
  }

  const common = {
    ref: mediaRef,
    src: evidenceUrl(artifact),
    controls: true,
    preload: 'metadata' as const,
    'aria-label': artifact.name,
    onError: () => setFailed(true),
  };
  if (kind === 'video') {
    return (
      <div className="mp mp-video-stage">
        {/* eslint-disable-next-line jsx-a11y/media-has-caption -- the evidence as submitted: review packages carry no caption track to attach */}
        <video className="mp-video" {...common} />
      </div>
    );
  }
  return (
    <div className="mp">
      <div className="mp-audio-card">
        <CardTile artifact={artifact} />
        {/* eslint-disable-next-line jsx-a11y/media-has-caption -- the evidence as submitted: review packages carry no caption track to attach */}
        <audio className="mp-audio" {...common} />
      </div>
    </div>
  );
}
