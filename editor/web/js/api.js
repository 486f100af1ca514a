// The editor server's API, as functions. Every answer is `{ok, status, body}`: refusals are
// data to show, not exceptions.

async function call(method, url, body, contentType = 'application/json') {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': contentType },
    body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
    credentials: 'same-origin',
  });
  if (response.status === 401 && !url.startsWith('/login')) {
    location.assign('/login');
    return new Promise(() => {});
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { message: { zh: text, en: text } };
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

export const readContent = () => call('GET', '/api/content');
export const check = (files) => call('POST', '/api/check', { files });
export const save = (files, readAs) => call('POST', '/api/save', { files, read_as: readAs });
export const listPhotos = () => call('GET', '/api/photos');
export const deletePhoto = (name) => call('DELETE', `/api/photos/${encodeURIComponent(name)}`);
export const history = () => call('GET', '/api/history');
export const fleet = () => call('GET', '/api/fleet');
export const publish = () => call('POST', '/api/publish');
export const restore = (id) => call('POST', `/api/history/${encodeURIComponent(id)}/restore`);
export const logout = () => call('POST', '/logout');
export const login = (pin) => call('POST', '/login', { pin });

/** Uploads `file` under its own name; `progress(fraction)` as it goes. */
export function upload(file, progress) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `/api/photos/${encodeURIComponent(file.name)}`);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      resolve({ ok: request.status >= 200 && request.status < 300, status: request.status, body });
    });
    request.addEventListener('error', () => resolve({ ok: false, status: 0, body: null }));
    request.send(file);
  });
}
