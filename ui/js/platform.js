// The only module that talks to the kiosk's backend (window.__TAURI__). Outside the kiosk,
// e.g. the repository served by any static web server and ui/ opened in a browser, it
// reads the default content files instead, so the UI can be worked on without building.

const tauri = globalThis.__TAURI__;

/** The content to show: `{settings, sources, highlights, contacts}`. */
export async function loadContent() {
  if (tauri) return tauri.core.invoke('content');
  const read = async (name) => {
    const response = await fetch(new URL(`../../assets/content/${name}`, import.meta.url));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.json();
  };
  const [settings, highlights, contacts] = await Promise.all(
    ['settings.json', 'highlights.json', 'contacts.json'].map(read),
  );
  return { settings, sources: highlights.sources ?? [], highlights: highlights.highlights, contacts };
}

/** Tells the backend the first slide is on screen (it logs the start-up time). */
export function reportFirstPaint() {
  tauri?.core.invoke('first_paint').catch((err) => console.error('first_paint', err));
}
