//! What the kiosk says about itself: `status`, `fleet` and the staff panel.

pub(super) const MESSAGES: &[super::Entry] = &[
    // How long.
    ("time.seconds", "{s} 秒", "{s} s"),
    ("time.minutes", "{m} 分钟", "{m} min"),
    ("time.hours", "{h} 小时 {m} 分钟", "{h} h {m} min"),
    ("time.days", "{d} 天 {h} 小时", "{d} days {h} h"),
    // The verdict.
    ("status.healthy", "运行正常", "healthy"),
    ("status.with_problems", "在运行，但有问题：{problems}", "running with problems: {problems}"),
    ("status.not_running", "没有运行（{why}）", "not running ({why})"),
    ("status.last_heard", "最近一次状态是 {age} 前的", "its last status is from {age} ago"),
    (
        "status.process_gone",
        "最近一次状态是 {age} 前的，而且它的进程已经不在了",
        "its last status is from {age} ago and its process is gone",
    ),
    ("status.folder_unreadable", "无法读取内容文件夹：{error}", "the content folder cannot be read: {error}"),
    (
        "status.content_errors",
        "内容有 {n} 处错误；屏幕上显示的是{shown}",
        "the content has {n} error(s); on screen: {shown}",
    ),
    (
        "status.waiting",
        "正在等待 {n} 个文件与 manifest.json 一致（{files}）；复制发布内容期间属正常。如果一直这样，说明发布后又改过：请在编辑内容的电脑上重新发布（lighthouse-kiosk publish 文件夹）；{minutes} 分钟后屏幕会按文件夹现状显示",
        "waiting for {n} file(s) to match manifest.json ({files}); normal while a publication is copied. If it lasts, they were changed after publishing: publish again from the PC where the content is edited (lighthouse-kiosk publish FOLDER); after {minutes} minutes the screen shows the folder as it stands",
    ),
    (
        "status.disk_full",
        "磁盘已满（{path} 只剩 {free} MiB），自 {since} 起；日志、统计和照片缓存暂时无法写入",
        "the disk is full ({free} MiB free on {path}) since {since}; logs, counts and the photo cache cannot be written until there is room",
    ),
    (
        "status.disk_full_now",
        "磁盘已满（状态文件所在的磁盘只剩 {free} MiB）",
        "the disk is full ({free} MiB free where its status is written)",
    ),
    (
        "status.not_written",
        "它还在运行，但 {age} 没有写入自己的状态",
        "it runs, but has not written its status for {age}",
    ),
    (
        "status.healed",
        "已自行恢复：网页视图重启过 {n} 次，最近一次在 {at}（{why}），之后页面一直有回应",
        "recovered: the web view was restarted {n} time(s), the last at {at} ({why}), and the page has answered since",
    ),
    ("status.photos_refused", "有 {n} 张照片被拒", "{n} photo(s) refused"),
    ("status.restarts_today", "网页视图在过去一天里重启了 {n} 次", "the web view restarted {n} time(s) in the last day"),
    ("status.page_silent", "页面已有 {seconds} 秒没有回应", "the page has not answered for {seconds} s"),
    ("status.page_never_answered", "页面从未回应", "the page has never answered"),
    // What is on screen.
    ("status.shown.built_in", "内置的默认内容", "the built-in default content"),
    (
        "status.shown.folder",
        "文件夹中的内容（{at} 接受，版本 {revision}）",
        "the folder's content, accepted {at} (revision {revision})",
    ),
    (
        "status.shown.kept",
        "上次正确的内容（{at} 接受，版本 {revision}，由本机保存）",
        "the last good content, accepted {at} (revision {revision}) and kept by the kiosk",
    ),
    // `status`, line by line.
    ("status.no_status", "Lighthouse Kiosk 没有运行（{path} 没有状态）", "Lighthouse Kiosk is not running (no status at {path})"),
    (
        "status.heading",
        "灯塔信息屏 Lighthouse Kiosk {version}：{verdict}",
        "Lighthouse Kiosk {version}: {verdict}",
    ),
    (
        "status.started",
        "  {at} 启动（已运行 {up}），进程 {pid}，正在显示：{mode}",
        "  started {at} (up {up}), pid {pid}, showing {mode}",
    ),
    ("status.mode.attract", "幻灯片", "the slideshow"),
    ("status.mode.interactive", "访客正在浏览", "a visitor browsing"),
    ("status.mode.countdown", "倒计时（还在浏览吗？）", "the countdown (still there?)"),
    ("status.mode.resting", "休息（闭馆）", "resting (closed)"),
    ("status.mode.nothing", "尚未显示内容", "nothing yet"),
    (
        "status.content",
        "  内容：{source}，第 {revision} 版，{at} 检查：{result}",
        "  content: {source}, revision {revision}, checked {at}: {result}",
    ),
    ("status.errors", "{n} 处错误", "{n} error(s)"),
    ("status.warnings", "{n} 条提醒", "{n} warning(s)"),
    ("status.no_problem", "没有问题", "no problem"),
    ("status.on_screen", "  屏幕上显示：{shown}", "  on screen: {shown}"),
    (
        "status.photos",
        "  照片：{ready} 张就绪，{waiting} 张等待，{refused} 张被拒",
        "  photos: {ready} ready, {waiting} waiting, {refused} refused",
    ),
    (
        "status.memory",
        "  内存：{mib} MiB（{each}），{age} 前测得",
        "  memory: {mib} MiB ({each}), measured {age} ago",
    ),
    (
        "status.running_without_status",
        "灯塔信息屏 Lighthouse Kiosk 在运行（进程 {pid}），但还没有写出状态 {path}（磁盘剩余 {free} MiB）",
        "Lighthouse Kiosk runs (pid {pid}) but has written no status at {path} ({free} MiB free on its disk)",
    ),
    ("status.memory_not_yet", "  内存：尚未测量", "  memory: not measured yet"),
    ("status.never_restarted", "  网页视图：从未重启", "  web view: never restarted"),
    ("status.restarted", "  网页视图重启了 {n} 次：", "  web view restarted {n} time(s):"),
    ("status.display", "  显示器：{size} 像素", "  display: {size} px"),
    (
        "notice.refused",
        "通知没有写入：请先改正上面的错误",
        "the notice was not written: correct the mistakes above first",
    ),
    (
        "notice.written",
        "通知已写入 {file}：显示这个文件夹的屏幕一收到就会显示它",
        "notice written to {file}: the screens that show this folder show it as soon as they have it",
    ),
    ("notice.cleared", "通知已撤下（删除了 {file}）", "notice taken away ({file} removed)"),
    ("notice.none", "现在没有通知，无需撤下", "there is no notice to take away"),
    (
        "notice.not_republished",
        "这个文件夹是发布过的，但另有错误，所以没有重新发布：改正错误并重新发布后，屏幕才会显示这个变化",
        "this folder was published but has other errors, so it was not published again: the screens take this change once those are fixed and it is published",
    ),
    (
        "notice.republished",
        "文件夹已重新发布，版本 {revision}",
        "the folder is published again as revision {revision}",
    ),
    (
        "status.sync_conflicts",
        "{n} 个文件被两个人同时修改，另一个版本没有显示：{files}",
        "{n} file(s) changed by two people at once, the other version not shown: {files}",
    ),
    ("status.notice", "  通知：“{text}”", "  notice: \"{text}\""),
    ("fleet.notice", "；通知：“{text}”", "; notice: \"{text}\""),
    (
        "status.display_changed",
        "  显示器：{size} 像素（{when} 换过）",
        "  display: {size} px (changed at {when})",
    ),
    ("status.renderer", "  绘制方式：{renderer}", "  renderer: {renderer}"),
    ("status.log", "  日志：{file}", "  log: {file}"),
    // `fleet`.
    ("fleet.nobody", "{folder} 里没有任何屏幕报告过状态", "no screen has reported in {folder}"),
    (
        "fleet.heading",
        "屏幕             上次报告      版本          状态",
        "screen           last seen    revision      state",
    ),
    ("fleet.ago", "{age} 前", "{age} ago"),
    ("fleet.not_reporting", "没有报告（{why}）", "not reporting ({why})"),
    ("fleet.unreadable", "无法读取它的状态：{error}", "its status cannot be read: {error}"),
    // `pin`.
    (
        "pin.ask",
        "工作人员面板的 PIN（4 到 8 位数字，输入时不显示）：",
        "PIN for the staff panel (4 to 8 digits, not shown as you type): ",
    ),
    ("pin.again", "请再输入一次：", "the same PIN again: "),
    (
        "pin.differ",
        "两次输入的 PIN 不一样；什么也没有改",
        "the two PINs differ; nothing was changed",
    ),
    (
        "pin.not_digits",
        "PIN 是 4 到 8 位数字，只能是数字",
        "a PIN is 4 to 8 digits, and only digits",
    ),
    (
        "pin.paste",
        "把上面这一行放进 settings.json 的 { } 里，并在它前一行的末尾加一个逗号；更简单的做法是：lighthouse-kiosk pin --write 内容文件夹",
        "put the line above inside the { } of settings.json, with a comma at the end of the line before it; simpler: lighthouse-kiosk pin --write FOLDER",
    ),
    (
        "pin.written",
        "PIN 已写入 {file}（只保存它的哈希值，不保存 PIN 本身）",
        "the PIN is set in {file} (only its hash is kept, never the PIN)",
    ),
    // Publications arriving.
    (
        "publication.shown_while_arriving",
        "在其余文件到达之前，先按文件夹现状显示",
        "showing the folder as it stands until the rest arrives",
    ),
    (
        "publication.waited_too_long",
        "已经等了 {minutes} 分钟，所以按文件夹现状显示",
        "they have for {minutes} minutes, so the folder is shown as it stands",
    ),
];
