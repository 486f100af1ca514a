// A QR code from the backend's drawing, as an SVG element (built node by node: no HTML).

const SVG = 'http://www.w3.org/2000/svg';
/** The light margin every QR code needs around it to be found by a camera, in modules. */
const QUIET_ZONE = 4;

/** `drawing`: `{modules, path}` from the `contact_codes` command; `label` says what it holds. */
export function qrCode(drawing, label, className = 'qr') {
  const side = drawing.modules + 2 * QUIET_ZONE;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('viewBox', `${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const light = document.createElementNS(SVG, 'rect');
  light.setAttribute('class', 'qr-light');
  for (const [name, value] of [['x', -QUIET_ZONE], ['y', -QUIET_ZONE], ['width', side], ['height', side]]) {
    light.setAttribute(name, String(value));
  }
  const dark = document.createElementNS(SVG, 'path');
  dark.setAttribute('class', 'qr-dark');
  dark.setAttribute('d', drawing.path);
  svg.append(light, dark);
  return svg;
}
