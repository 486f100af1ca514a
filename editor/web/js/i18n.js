// Every word the editor's page says, in Chinese and English. The server's own sentences
// (problems, refusals) come with both languages already.

export const LANGS = ['zh', 'en'];

const WORDS = {
  appTitle: ['内容编辑器', 'Content editor'],
  save: ['保存', 'Save'],
  saving: ['正在保存…', 'Saving…'],
  saved: ['已保存，屏幕马上会显示', 'Saved: the screens show it in a moment'],
  nothingToSave: ['没有要保存的修改', 'Nothing to save'],
  unsaved: ['有未保存的修改', 'Unsaved changes'],
  reload: ['重新载入（放弃草稿）', 'Reload (drop my draft)'],
  logout: ['退出', 'Log out'],
  language: ['语言', 'Language'],
  tabHighlights: ['亮点', 'Highlights'],
  tabPhotos: ['照片', 'Photos'],
  tabContacts: ['联系方式', 'Contacts'],
  tabSettings: ['设置', 'Settings'],
  tabHistory: ['历史与撤销', 'History and undo'],
  tabScreens: ['各块屏幕', 'Screens'],
  publish: ['发布给所有屏幕', 'Publish to every screen'],
  published: ['已发布，版本', 'Published, revision'],
  publishIntro: ['几块屏幕共用这个内容文件夹时（同步），“发布”让它们只在整份内容都到齐后才换上新内容。', 'When several screens share this folder (by sync), Publish makes each take the new content only once all of it has arrived.'],
  noScreens: ['还没有屏幕在这个文件夹里报告状态', 'No screen reports to this folder yet'],
  screenName: ['屏幕', 'Screen'],
  lastHeard: ['最近报告', 'Last heard'],
  revisionShown: ['显示的版本', 'Revision shown'],
  screenState: ['状态', 'State'],
  visitsToday: ['今日浏览', 'Visits today'],
  visitsPerDay: ['每日浏览次数（所有屏幕）', 'Visits per day (every screen)'],
  problems: ['问题', 'Problems'],
  noProblems: ['没有问题', 'No problems'],
  errorsBlockSave: ['有错误时不能保存', 'Save is off while there are mistakes'],
  add: ['添加', 'Add'],
  addHighlight: ['添加亮点', 'Add a highlight'],
  duplicate: ['复制', 'Duplicate'],
  remove: ['删除', 'Delete'],
  moveUp: ['上移', 'Move up'],
  moveDown: ['下移', 'Move down'],
  translationMissing: ['缺少翻译', 'Translation missing'],
  sameInAll: ['各语言相同', 'Same in every language'],
  separate: ['分别填写各语言', 'Write each language'],
  notSet: ['（未填）', '(not set)'],
  untitled: ['（无标题）', '(untitled)'],
  preview: ['预览', 'Preview'],
  previewSize: ['屏幕', 'Screen'],
  previewLang: ['预览语言', 'Preview language'],
  previewScreen: ['画面', 'View'],
  viewSlide: ['幻灯片', 'Slide'],
  viewStory: ['详情', 'Story'],
  viewContact: ['联系方式', 'Contacts'],
  previewStale: ['有错误：预览显示最后一次没有错误的草稿', 'There are mistakes: the preview shows the last draft without any'],
  fitShrunk: ['文字太长，已缩小到 {percent}% 才放得下', 'The text was shrunk to {percent}% to fit'],
  fitOverflows: ['文字太长，缩到最小仍放不下：请缩短', 'The text is too long to fit even at its smallest: shorten it'],
  closedAllDay: ['闭馆', 'Closed'],
  opensAt: ['开门', 'opens'],
  closesAt: ['关门', 'closes'],
  addTimes: ['添加开放时段', 'Add opening times'],
  addClosedDate: ['添加闭馆日期', 'Add a closed date'],
  whenClosedBlack: ['黑屏（显示器休眠）', 'Black (the display sleeps)'],
  whenClosedClock: ['暗色时钟', 'A dimmed clock'],
  uploadPhotos: ['上传照片', 'Upload photos'],
  dropHere: ['把照片拖到这里，或点按选择', 'Drop photos here, or click to choose'],
  uploading: ['正在上传', 'Uploading'],
  uploaded: ['已上传', 'Uploaded'],
  deletePhoto: ['删除照片（可撤销）', 'Delete photo (can be undone)'],
  choosePhotos: ['从照片库选择', 'Choose from the library'],
  inUse: ['使用中', 'In use'],
  historyIntro: ['每次保存都会留下被替换的版本，删除的照片也在这里。点“恢复”回到那次保存之前。', 'Every save keeps the versions it replaced, and deleted photos are kept too. “Restore” goes back to before that save.'],
  historyEmpty: ['还没有保存记录', 'No saves yet'],
  restore: ['恢复', 'Restore'],
  restored: ['已恢复', 'Restored'],
  whySave: ['保存', 'Save'],
  whyDeletePhoto: ['删除照片', 'Photo deleted'],
  whyRestore: ['恢复之前', 'Before a restore'],
  conflictTitle: ['文件在别处被改过', 'A file changed elsewhere'],
  loginTitle: ['工作人员登录', 'Staff login'],
  pin: ['PIN', 'PIN'],
  enter: ['进入', 'Enter'],
  field: ['项', 'field'],
  brokenFile: ['这个文件无法读取，请先在文本编辑器里改正：', 'This file cannot be read; correct it in a text editor first:'],
  confirmDelete: ['确定删除？再点一次（可在“历史与撤销”中恢复）', 'Delete? Click again (History can bring it back)'],
};

/** Field names in both languages; a field not here is shown by its own name. */
const FIELDS = {
  title: ['标题', 'Title'], summary: ['摘要', 'Summary'], body: ['正文', 'Body'],
  figures: ['数字', 'Figures'], value: ['数值', 'Value'], label: ['说明', 'Label'],
  quote: ['引语', 'Quote'], text: ['文字', 'Text'], source: ['来源', 'Source'],
  photos: ['照片', 'Photos'], date: ['日期', 'Date'], from: ['开始显示', 'Show from'],
  until: ['停止显示', 'Show until'], durationSeconds: ['显示秒数', 'Seconds shown'],
  pinned: ['置顶', 'Pinned'], id: ['编号', 'Id'], highlights: ['亮点', 'Highlights'],
  sources: ['来源文章', 'Source articles'], headline: ['文章标题', 'Headline'],
  published: ['发表日期', 'Published'], credits: ['署名', 'Credits'], role: ['职责', 'Role'],
  names: ['姓名', 'Names'], name: ['名称', 'Name'], address: ['地址', 'Address'],
  postcode: ['邮编', 'Postcode'], phones: ['电话', 'Phones'], entries: ['联系单位', 'Entries'],
  organisation: ['单位', 'Organisation'], file: ['文件名', 'File'], caption: ['图片说明', 'Caption'],
  credit: ['摄影', 'Credit'], languages: ['语言', 'Languages'], defaultLanguage: ['默认语言', 'Default language'],
  slideSeconds: ['每张幻灯片秒数', 'Seconds per slide'], idleSeconds: ['无人操作多少秒后返回', 'Idle seconds before returning'],
  transition: ['切换效果', 'Transition'], photoMotion: ['照片缓慢移动', 'Photo motion'],
  cursorHideSeconds: ['鼠标隐藏秒数', 'Seconds before the pointer hides'], memoryLimitMiB: ['内存上限 (MiB)', 'Memory limit (MiB)'],
  countVisits: ['匿名统计访问', 'Count visits anonymously'], openingHours: ['开放时间', 'Opening hours'],
  monday: ['星期一', 'Monday'], tuesday: ['星期二', 'Tuesday'], wednesday: ['星期三', 'Wednesday'],
  thursday: ['星期四', 'Thursday'], friday: ['星期五', 'Friday'], saturday: ['星期六', 'Saturday'],
  sunday: ['星期日', 'Sunday'], closedDates: ['闭馆日期', 'Closed dates'], whenClosed: ['闭馆时屏幕', 'Screen when closed'],
  times: ['每周显示时段', 'Times of the week shown'], days: ['星期', 'Days'],
  zh: ['中文', '中文 Chinese'], en: ['英文 English', 'English'],
};

let current = localStorage.getItem('editor-lang') === 'en' ? 'en' : 'zh';

export function lang() {
  return current;
}

export function setLang(code) {
  current = code === 'en' ? 'en' : 'zh';
  localStorage.setItem('editor-lang', current);
  document.documentElement.lang = current === 'zh' ? 'zh-Hans' : 'en';
}

/** A word of the page in the current language. */
export function t(key) {
  const pair = WORDS[key];
  if (!pair) throw new Error(`no words for ${key}`);
  return pair[current === 'zh' ? 0 : 1];
}

/** The words for a choice of a field, where the file's value is a code word. */
const CHOICES = {
  transition: { fade: ['淡入淡出', 'Fade'], none: ['直接切换', 'None (at once)'] },
  photoMotion: {
    auto: ['自动：有显卡时移动', 'Automatic: moving where there is a GPU'],
    true: ['始终移动', 'Always moving'],
    false: ['保持静止', 'Always still'],
  },
  whenClosed: { black: ['黑屏', 'A black screen'], clock: ['暗色时钟', 'A dimmed clock'] },
  days: {
    mon: ['星期一', 'Monday'], tue: ['星期二', 'Tuesday'], wed: ['星期三', 'Wednesday'], thu: ['星期四', 'Thursday'],
    fri: ['星期五', 'Friday'], sat: ['星期六', 'Saturday'], sun: ['星期日', 'Sunday'],
  },
};

/** A choice of field `key` (a value from the schema) in the current language. */
export function choiceName(key, value) {
  const pair = CHOICES[key]?.[String(value)];
  return pair ? pair[current === 'zh' ? 0 : 1] : String(value);
}

/** A field's name in the current language. */
export function fieldName(key) {
  const pair = FIELDS[key];
  return pair ? pair[current === 'zh' ? 0 : 1] : key;
}

/** Words the server sent (`{zh, en}`) in the current language. */
export function said(words) {
  if (!words) return '';
  return typeof words === 'string' ? words : words[current] ?? words.en ?? '';
}
