// Choosing the words on screen: content text per language with fallback, the kiosk's own
// labels, and dates written the way each language writes them. No DOM here.

/**
 * The kiosk's own words (not content): labels around the content. `{n}`, `{i}` stand for
 * numbers filled in by `label`.
 */
export const LABELS = {
  zh: {
    contactUs: '联系我们',
    address: '地址',
    postcode: '邮编',
    source: '来源',
    loading: '正在载入',
    loadFailed: '内容暂时无法载入，正在重试',
    touchHint: '触摸屏幕浏览',
    reach: '低位模式',
    reachNote: '所有按钮和内容已移到屏幕下方，坐着也能够到。再次点按“低位模式”即可恢复。',
    home: '首页',
    highlights: '亮点',
    photos: '图片',
    contact: '联系',
    language: '语言',
    readMore: '阅读全文',
    allHighlights: '全部亮点',
    allPhotos: '全部图片',
    close: '关闭',
    previous: '上一个',
    next: '下一个',
    itemOf: '{i} / {n}',
    stillThere: '还在浏览吗？',
    notice: '通知',
    closedCard: '现在闭馆',
    openToday: '今天开放时间：{hours}',
    closedToday: '今天全天闭馆',
    opensAgain: '下次开放：{day} {time}',
    returning: '{n} 秒后返回首页',
    keepBrowsing: '继续浏览',
    scanToCall: '扫码拨打',
    scanToSave: '扫码保存全部号码',
    noPhotos: '暂无图片',
    closedUntil: '开放时间',
    staffPanel: '工作人员面板',
    enterPin: '请输入 PIN',
    wrongPin: 'PIN 不正确，还可尝试 {n} 次',
    lockedPin: '已锁定，请 {n} 分钟后再试',
    noPin: '未设置 PIN，面板不可用',
    confirm: '确认',
    cancel: '取消',
    version: '版本',
    contentFolder: '内容文件夹',
    lastReload: '最近载入',
    contentOk: '内容正常',
    contentBroken: '内容有错误',
    onScreen: '屏幕上显示',
    shownFolder: '文件夹中的内容（{at} 接受）',
    shownKept: '上次正确的内容（{at} 接受，由本机保存）',
    shownBuiltIn: '内置的默认内容',
    waitingForPublication: '正在等待发布的内容全部到达；以下文件与 manifest.json 不符。复制期间属正常；若持续存在，说明发布后又修改过，请在编辑内容的电脑上重新发布（lighthouse-kiosk publish）。10 分钟后屏幕将按文件夹现状显示。',
    photosLine: '图片：{ready} 张就绪，{waiting} 张等待，{refused} 张被拒',
    diskFull: '磁盘已满（{path} 剩余 {free} MiB，自 {since} 起）：统计、状态和新图片暂时无法保存，屏幕照常显示。请 IT 清理磁盘空间。',
    uptime: '运行时间',
    memory: '内存',
    restarts: '网页视图重启',
    hoursToday: '今日开放时间',
    openNow: '按时间表现在开放',
    closedNow: '按时间表现在关闭',
    alwaysOpen: '未设开放时间（始终开启）',
    countsToday: '今日统计',
    countsLine: '{slides} 张幻灯片，{visits} 次浏览，联系方式显示 {codes} 次',
    countingOff: '统计已关闭',
    reloadNow: '立即重新载入内容',
    nextSlide: '显示下一张',
    showChanged: '显示刚改过的内容',
    restartKiosk: '重启',
    exitKiosk: '退出到桌面',
    none: '无',
  },
  en: {
    contactUs: 'Contact Us',
    address: 'Address',
    postcode: 'Postcode',
    source: 'Source',
    loading: 'Loading',
    loadFailed: 'The content could not be loaded; trying again',
    touchHint: 'Touch to explore',
    reach: 'Easy reach',
    reachNote: 'Everything you can touch is now in the lower part of the screen, within reach from a seat. Tap “Easy reach” again to undo.',
    home: 'Home',
    highlights: 'Highlights',
    photos: 'Photos',
    contact: 'Contact',
    language: 'Language',
    readMore: 'Read the full story',
    allHighlights: 'All highlights',
    allPhotos: 'All photos',
    close: 'Close',
    previous: 'Previous',
    next: 'Next',
    itemOf: '{i} of {n}',
    stillThere: 'Still there?',
    notice: 'Notice',
    closedCard: 'Closed now',
    openToday: 'Open today: {hours}',
    closedToday: 'Closed all day today',
    opensAgain: 'Opens again {day} at {time}',
    returning: 'Returning to the slideshow in {n} s',
    keepBrowsing: 'Keep browsing',
    scanToCall: 'Scan to call',
    scanToSave: 'Scan to save every number',
    noPhotos: 'No photos yet',
    closedUntil: 'Opening hours',
    staffPanel: 'Staff panel',
    enterPin: 'Enter the PIN',
    wrongPin: 'Wrong PIN: {n} tries left',
    lockedPin: 'Locked: try again in {n} min',
    noPin: 'No PIN is set: the panel is closed',
    confirm: 'Confirm',
    cancel: 'Cancel',
    version: 'Version',
    contentFolder: 'Content folder',
    lastReload: 'Last reload',
    contentOk: 'The content is fine',
    contentBroken: 'The content has errors',
    onScreen: 'On screen',
    shownFolder: "the folder's content (accepted {at})",
    shownKept: 'the last good content (accepted {at}, kept by this kiosk)',
    shownBuiltIn: 'the built-in default content',
    waitingForPublication: 'Waiting for the published content to arrive whole; these files differ from manifest.json. Normal while it is copied; if it lasts, they were changed after publishing: publish again on the PC where the content is edited (lighthouse-kiosk publish). After 10 minutes the screen shows the folder as it stands.',
    photosLine: 'Photos: {ready} ready, {waiting} waiting, {refused} refused',
    diskFull: 'The disk is full ({free} MiB free at {path}, since {since}): counts, the status and new photos cannot be saved for now; the screen goes on. Ask IT to free some space.',
    uptime: 'Running for',
    memory: 'Memory',
    restarts: 'Web view restarts',
    hoursToday: "Today's opening hours",
    openNow: 'Open now, by the hours',
    closedNow: 'Closed now, by the hours',
    alwaysOpen: 'No opening hours set (always on)',
    countsToday: 'Today',
    countsLine: '{slides} slides, {visits} visits, contact codes shown {codes} times',
    countingOff: 'Counting is off',
    reloadNow: 'Reload the content now',
    nextSlide: 'Show the next slide',
    showChanged: 'Show what changed',
    restartKiosk: 'Restart the kiosk',
    exitKiosk: 'Exit to the desktop',
    none: 'none',
  },
};

/** A kiosk label in Chinese and English together, for the staff panel: `中文 · English`. */
export function bothLabels(key, values = {}) {
  return `${label(key, 'zh', values)} · ${label(key, 'en', values)}`;
}

/** Each language's name in itself, as the language switch shows it. */
export const LANGUAGE_NAMES = { zh: '中文', en: 'English' };

/**
 * The tag a content language is marked with in the page: Chinese as Simplified Chinese
 * (`zh-Hans`), so the CJK font draws the Simplified forms of shared characters and a
 * screen reader reads Mandarin; any other code as it is.
 */
export function htmlLang(code) {
  return code === 'zh' ? 'zh-Hans' : code;
}

/** The name of language `code` in itself (its code, for a language without a name here). */
export function languageName(code) {
  return LANGUAGE_NAMES[code] ?? code.toUpperCase();
}

/**
 * The text of `text` in `lang`. `text` is a plain string (the same in every language) or an
 * object of language code -> string. A missing or empty translation falls back to
 * `fallback`, then to any language given, so the screen never shows a hole.
 */
export function pick(text, lang, fallback) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  for (const code of [lang, fallback]) {
    const value = text[code];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return Object.values(text).find((value) => typeof value === 'string' && value.trim() !== '') ?? '';
}

/**
 * The languages a slide is shown in: the default language first, then the first other
 * language listed (or null when there is only one).
 */
export function languagePair(settings) {
  return languagesLedBy(settings.defaultLanguage, settings);
}

/**
 * A kiosk label in `lang`, falling back to English for languages without labels, with
 * `values` filled in: `label('returning', 'en', {n: 20})`.
 */
export function label(key, lang, values = {}) {
  const text = (LABELS[lang] ?? LABELS.en)[key] ?? LABELS.en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * The languages a screen is shown in: `lead` first, then the first other language of the
 * content (or null when it has only one).
 */
export function languagesLedBy(lead, settings) {
  return { primary: lead, secondary: settings.languages.find((lang) => lang !== lead) ?? null };
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The time of day on the masthead clock: `09:05`, the same in every language. */
export function formatTime(date) {
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

/** Today on the masthead: `11月28日 星期六` or `Saturday 28 November`. */
export function formatToday(date, lang) {
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  if (lang === 'zh') return `${month + 1}月${day}日 ${WEEKDAYS_ZH[date.getUTCDay()]}`;
  return `${WEEKDAYS_EN[date.getUTCDay()]} ${day} ${MONTHS_EN[month]}`;
}

/** A wall time as a stamp for staff: `2026/12/3 09:30:05`. */
export function formatStamp(date) {
  const two = (n) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()} `
    + `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

/** `2024-04-22` as `2024年4月22日` or `22 April 2024`; a year alone as `2023年` or `2023`. */
export function formatDate(date, lang) {
  const match = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(date ?? '');
  if (!match) return date ?? '';
  const [, year, month, day] = match;
  if (!month) return lang === 'zh' ? `${year}年` : year;
  if (lang === 'zh') return `${year}年${Number(month)}月${Number(day)}日`;
  return `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

/**
 * The width of `text` in columns: two for a CJK character, one for anything else. The
 * backend measures text the same way (tests/shared-rules/columns.json holds both to it).
 */
export function columns(text) {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}
