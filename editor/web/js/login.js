// The login page: the staff PIN, checked by the server (five wrong ones lock it for five minutes).

import * as api from './api.js';

const form = document.getElementById('login');
const message = document.getElementById('login-message');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const pin = form.elements.pin.value;
  // A message stays only as long as it is true: the next try clears it.
  message.textContent = '';
  const answer = await api.login(pin);
  if (answer.ok) {
    location.assign('/');
    return;
  }
  const said = answer.body?.message;
  message.textContent = said ? `${said.zh} · ${said.en}` : `HTTP ${answer.status}`;
  form.elements.pin.value = '';
  form.elements.pin.focus();
});
