// A chart drawn on the screen, as a PNG: the SVG is copied with every colour, stroke and font it shows resolved
// from the theme (the copy stands alone, without our style sheets), drawn on a canvas over the screen's own
// background, and encoded. Runs under the app's CSP: the copy is loaded as a data: image (img-src allows it),
// nothing is evaluated and no style element is added to the page.

/** The presentation properties a chart's elements take from the style sheets. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'stroke-linejoin',
  'paint-order',
  'visibility',
  // visx draws each tick label in a nested <svg> that must not clip it.
  'overflow',
] as const;

/** Copies `svg` with its computed presentation written on every element. */
export function standaloneSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [copy, ...Array.from(copy.querySelectorAll('*'))];
  from.forEach((el, i) => {
    const target = to[i];
    if (!target) return;
    const style = getComputedStyle(el);
    const inline = PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', inline);
    target.removeAttribute('class');
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

export interface PngFrame {
  /** The chart's title, written above it (the picture alone would not say what it is). */
  title: string;
  /** CSS colours and font of the screen, so the file looks as the chart did. */
  background: string;
  color: string;
  font: string;
}

const HEAD = 36;

/** The chart as PNG bytes at `scale` × its size on screen, its title above it, over the screen's background. */
export async function chartPng(svg: SVGSVGElement, frame: PngFrame, scale = 2): Promise<Uint8Array<ArrayBuffer>> {
  const { markup, width, height } = standaloneSvg(svg);
  const image = new Image();
  image.decoding = 'sync';
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round((height + HEAD) * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('The chart could not be drawn as an image (no 2D canvas).');
  ctx.scale(scale, scale);
  ctx.fillStyle = frame.background;
  ctx.fillRect(0, 0, width, height + HEAD);
  ctx.fillStyle = frame.color;
  ctx.font = `600 15px ${frame.font}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(frame.title, 12, HEAD / 2, width - 24);
  ctx.drawImage(image, 0, HEAD, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The chart could not be encoded as PNG.');
  return new Uint8Array(await blob.arrayBuffer());
}
