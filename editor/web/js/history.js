// The history tab: every save, photo deletion and undo, newest first, each restorable.

import * as api from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';

const WHY = { save: 'whySave', deletePhoto: 'whyDeletePhoto', restore: 'whyRestore' };

/**
 * Draws the history into `holder`. `restored(answer)` is called with the server's answer
 * after a restore (whether it worked or not).
 */
export async function drawHistory(holder, restored) {
  const answer = await api.history();
  const records = answer.ok ? answer.body : [];
  const list = el('ol', { className: 'history' });
  for (const record of records) {
    const item = el('li');
    item.dataset.record = record.id;
    const what = [...record.files, ...record.photos.map((name) => `photos/${name}`)].join(', ');
    item.append(
      el('time', { textContent: record.at.replace('T', ' '), dateTime: record.at }),
      el('span', { textContent: ` ${t(WHY[record.why])}: ${what} ` }),
    );
    const button = el('button', { type: 'button', textContent: t('restore') });
    button.addEventListener('click', async () => restored(await api.restore(record.id)));
    item.append(button);
    list.append(item);
  }
  holder.replaceChildren(el('p', { textContent: t('historyIntro') }), records.length ? list : el('p', { textContent: t('historyEmpty') }));
}
