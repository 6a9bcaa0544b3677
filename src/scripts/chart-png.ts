/**
 * A chart's PNG, made in the browser from its own SVG: drawn at twice its size for sharp text, from a data:
 * URL (which the CSP allows for images). A few lines instead of a chart library.
 */

/** Download `svg` as `<name>.png`. */
export function downloadPng(svg: SVGSVGElement, name: string): void {
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = svg.viewBox.baseVal.width * 2;
    canvas.height = svg.viewBox.baseVal.height * 2;
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => {
      if (!blob) return;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${name}.png`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }, 'image/png');
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
}

/** Show and wire every `button[data-png]` under `root`: it downloads the SVG of its figure. */
export function enablePngButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-png]')) {
    const svg = button.closest('figure')?.querySelector('svg');
    if (!svg || !button.hidden) continue;
    button.hidden = false;
    button.addEventListener('click', () => downloadPng(svg, button.dataset['png']!));
  }
}
