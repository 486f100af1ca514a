//! What the browser editor's server says to staff: logging in, saving, uploading, undoing.

pub(super) const MESSAGES: &[super::Entry] = &[
    ("editor.login.wrong", "PIN 不对，还可以再试 {left} 次", "wrong PIN: {left} more tries"),
    (
        "editor.login.locked",
        "PIN 错了太多次，请 {minutes} 分钟后再试",
        "too many wrong PINs: try again in {minutes} minutes",
    ),
    (
        "editor.login.no_pin",
        "还没有设置工作人员 PIN：请 IT 运行 lighthouse-kiosk pin",
        "no staff PIN is set yet: ask IT to run lighthouse-kiosk pin",
    ),
    ("editor.login.needed", "请先登录", "please log in first"),
    (
        "editor.origin",
        "这个请求不是从编辑器页面发出的，已拒绝",
        "this request did not come from the editor's page, so it was refused",
    ),
    (
        "editor.save.invalid",
        "还有错误，没有保存：请先改正标红的地方",
        "not saved: there are still mistakes, marked in red; correct them first",
    ),
    (
        "editor.save.conflict",
        "{files} 在你编辑时被别处改过（手工修改、另一个编辑器或同步）。没有覆盖它；你的草稿还在",
        "{files} changed elsewhere while you were editing (by hand, another editor or a sync). Nothing was overwritten; your draft is kept",
    ),
    (
        "editor.write_failed",
        "无法写入 {file}：{error}",
        "cannot write {file}: {error}",
    ),
    (
        "editor.upload.bad_name",
        "照片名“{name}”不能用：名字里不能有 / 或 \\、不能以点开头、不能有控制字符，长度不超过 200 个字符",
        "the photo name \"{name}\" cannot be used: no / or \\, no dot at the start, no control characters, at most 200 characters",
    ),
    (
        "editor.upload.exists",
        "photos 文件夹里已经有“{name}”：先给新照片换个名字，或先删除旧的",
        "there is already a \"{name}\" in the photos folder: rename the new photo, or delete the old one first",
    ),
    (
        "editor.upload.refused",
        "照片“{name}”{problem}",
        "the photo \"{name}\" {problem}",
    ),
    (
        "editor.history.missing",
        "找不到这次保存的记录（可能因为历史已满被删掉了）",
        "that save is no longer kept (the oldest go when the history is full)",
    ),
    (
        "editor.restore.photo_taken",
        "photos 文件夹里已经有“{name}”，旧照片留在历史里",
        "there is already a \"{name}\" in the photos folder, so the old one stays in the history",
    ),
    (
        "editor.publish.invalid",
        "内容还有错误，没有发布：屏幕不会显示它；请先改正",
        "not published: the content has mistakes the screens would refuse; correct them first",
    ),
    ("editor.photo.missing", "没有“{name}”这张照片", "there is no photo \"{name}\""),
];
