// The display-gamma calibration step: the observer sets a uniform grey g to look as light as a fine grating
// of alternating full-off/full-on lines (half the maximum luminance), so g^γ = 1/2 and γ = log(1/2)/log(g).
import { byId } from '../dom.ts';
import { gammaFromMatchedGrey } from './protocol.ts';

function drawGrating(canvas: HTMLCanvasElement): void {
  const dpr = window.devicePixelRatio || 1;
  const css = 160;
  canvas.width = Math.round(css * dpr);
  canvas.height = Math.round(css * dpr);
  canvas.style.width = canvas.style.height = `${css}px`;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(canvas.width, canvas.height);
  for (let y = 0; y < canvas.height; y++) {
    const v = y % 2 === 0 ? 0 : 255;
    for (let x = 0; x < canvas.width; x++) {
      const i = (y * canvas.width + x) * 4;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
      img.data[i + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
}

function drawGrey(canvas: HTMLCanvasElement, g: number): void {
  const ctx = canvas.getContext('2d')!;
  const b = Math.round(g * 255);
  ctx.fillStyle = `rgb(${b},${b},${b})`;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}

/** Show the calibration; resolves with the matched grey (quantised to the 8-bit value shown) and γ. */
export function calibrateGamma(): Promise<{ matchedGrey: number; gamma: number }> {
  const box = byId('calibration');
  const slider = byId<HTMLInputElement>('cal-slider');
  const grey = byId<HTMLCanvasElement>('cal-grey');
  box.hidden = false;
  drawGrating(byId<HTMLCanvasElement>('cal-checker'));
  const level = () => Math.round(Number(slider.value) * 255) / 255;
  const redraw = () => drawGrey(grey, level());
  redraw();
  slider.focus();
  return new Promise((resolve) => {
    const onKey = (e: KeyboardEvent) => {
      const step = e.shiftKey ? 1 / 255 : 4 / 255;
      if (e.key === 'ArrowUp' || e.key === 'ArrowRight') slider.value = String(Math.min(0.95, level() + step));
      else if (e.key === 'ArrowDown' || e.key === 'ArrowLeft') slider.value = String(Math.max(0.05, level() - step));
      else if (e.key === 'Enter') { finish(); return; } else return;
      e.preventDefault();
      redraw();
    };
    const finish = () => {
      document.removeEventListener('keydown', onKey, true);
      slider.removeEventListener('input', redraw);
      byId('cal-accept').removeEventListener('click', finish);
      box.hidden = true;
      const g = level();
      resolve({ matchedGrey: g, gamma: gammaFromMatchedGrey(g) });
    };
    document.addEventListener('keydown', onKey, true);
    slider.addEventListener('input', redraw);
    byId('cal-accept').addEventListener('click', finish);
  });
}
