//! What `check` and the kiosk say about photos: the files and the names written for them.

pub(super) const MESSAGES: &[super::Entry] = &[
    ("photo.formats", "JPEG、PNG、WebP 或 GIF", "JPEG, PNG, WebP or GIF"),
    // What is wrong with a photo file (follows its name).
    ("photo.unreadable", "无法读取（{why}）", "cannot be read ({why})"),
    (
        "photo.file_too_big",
        "文件太大（{mib} MiB；最多 {most} MiB）",
        "is too big a file ({mib} MiB; at most {most} MiB)",
    ),
    ("photo.not_an_image", "不是 {formats} 图片", "is not a {formats} image"),
    (
        "photo.heic",
        "是 HEIC 照片（iPhone 的默认格式），本机无法显示",
        "is a HEIC photo (the iPhone's usual format), which the kiosk cannot show",
    ),
    (
        "photo.too_large",
        "尺寸太大，无法显示（{width}x{height} 像素；每边最多 {side} 像素，共不超过 {megapixels} 百万像素）",
        "is too large to show ({width}x{height} pixels; at most {side} pixels a side and {megapixels} megapixels)",
    ),
    ("photo.damaged", "已损坏，无法读取（{why}）", "is damaged and cannot be read ({why})"),
    ("photo.empty", "是一个空文件", "is an empty file"),
    // What is wrong with a video file (follows its name).
    ("video.not_a_video", "不是 MP4 或 WebM 视频", "is not an MP4 or WebM video"),
    (
        "video.codec",
        "的编码是 {codec}（{container} 文件），本机无法播放（可播放：MP4 中的 H.264，WebM 中的 VP8 或 VP9）",
        "is in {codec} (an {container} file), which the kiosk cannot play (it plays H.264 in MP4, VP8 or VP9 in WebM)",
    ),
    ("video.no_picture", "只有声音，没有画面", "has sound only, no picture"),
    (
        "video.cut_short",
        "文件不完整，在该结束的地方之前就断了（复制中断了？）",
        "ends before its own index says it does (was its copy stopped?)",
    ),
    ("video.damaged", "已损坏，无法读取（{why}）", "is damaged and cannot be read ({why})"),
    (
        "video.convert",
        "转成 H.264 的 MP4 再放进来，例如：ffmpeg -i 原视频 -c:v libx264 -pix_fmt yuv420p -an -movflags +faststart 新视频.mp4（或用 HandBrake 的 “Fast 1080p30” 预设）",
        "convert it to H.264 in MP4 first, e.g. ffmpeg -i original -c:v libx264 -pix_fmt yuv420p -an -movflags +faststart new.mp4 (or HandBrake's \"Fast 1080p30\" preset)",
    ),
    ("video.copy_again", "从原始文件重新复制一次", "copy it again from the original"),
    (
        "video.heavy",
        "“{name}”对没有显卡的电脑太重（{size} 像素，每秒 {fps} 帧，{mbps} Mbit/s），播放可能卡顿",
        "\"{name}\" is heavy for a PC without a GPU ({size} pixels, {fps} frames a second, {mbps} Mbit/s): it may stutter",
    ),
    (
        "video.heavy.hint",
        "转成 1920x1080、每秒 30 帧以内、8 Mbit/s 以下：ffmpeg -i 原视频 -vf scale=-2:1080 -r 30 -c:v libx264 -b:v 6M -pix_fmt yuv420p -an -movflags +faststart 新视频.mp4",
        "make it 1920x1080 at 30 frames a second or less, under 8 Mbit/s: ffmpeg -i original -vf scale=-2:1080 -r 30 -c:v libx264 -b:v 6M -pix_fmt yuv420p -an -movflags +faststart new.mp4",
    ),
    (
        "video.duration_for_photo",
        "只有视频才用 durationSeconds；“{name}”是照片",
        "only a video uses durationSeconds; \"{name}\" is a photo",
    ),
    (
        "video.duration_for_photo.hint",
        "删掉 durationSeconds：照片的显示时间由 settings.json 的 slideSeconds 决定",
        "remove durationSeconds: a photo stays up for settings.json's slideSeconds",
    ),
    (
        "video.in_highlight",
        "亮点的 photos 只能放照片；“{name}”是视频",
        "a highlight's photos are pictures only; \"{name}\" is a video",
    ),
    (
        "video.in_highlight.hint",
        "把视频放进 photos.json（它会作为单独一页播放），亮点里用一张照片",
        "put the video in photos.json (it plays as a slide of its own) and give the highlight a photo",
    ),
    (
        "photo.outside",
        "是指向内容文件夹以外文件的链接",
        "is a link to a file outside the content folder",
    ),
    (
        "photo.cache_unwritable",
        "无法存入照片缓存（{why}）；缓存文件夹可写后会自动重试",
        "could not be saved in the photo cache ({why}); tried again when the cache folder can be written",
    ),
    // A photo in the folder.
    ("photos.not_shown", "{problem}；不会显示", "{problem}; it is not shown"),
    (
        "photos.replace_or_remove",
        "换成 {formats} 图片，或删掉它",
        "replace it with a {formats} image, or remove it",
    ),
    (
        "photos.unused",
        "没有哪条亮点或 photos.json 中的项目用到这张照片",
        "no highlight or item of photos.json shows this photo",
    ),
    (
        "photos.unused.hint",
        "把它加进 photos.json（配上说明），或加进某条亮点的“photos”",
        "add it to photos.json (with a caption) or to a highlight's \"photos\"",
    ),
    // A photo's name written in a content file.
    (
        "photos.blurry",
        "“{name}”在这块屏幕上会显得模糊：它只有 {size} 像素，在 {screen} 的屏幕上要放大到 {drawn}",
        "\"{name}\" looks blurry on this screen: it is {size} pixels and is shown up to {drawn} on a {screen} screen",
    ),
    (
        "photos.blurry.hint",
        "换一张更大的照片：至少 {width}x{height} 像素",
        "use a larger photo: at least {width}x{height} pixels",
    ),
    ("photos.listed_twice", "“{name}”列出了两次", "\"{name}\" is listed twice"),
    ("photos.listed_twice.hint", "每张照片只列一次", "list each photo once"),
    ("photos.bad_name", "照片名“{name}”：{problem}", "the photo name \"{name}\": {problem}"),
    ("photos.name_empty", "文件名是空的", "the file name is empty"),
    (
        "photos.backslash",
        "文件夹之间请用“/”，不要用“\\”",
        "use \"/\" between folder names, not \"\\\"",
    ),
    (
        "photos.full_path",
        "文件名必须在 photos 文件夹里，不能写完整路径",
        "the file name must be inside the photos folder, not a full path",
    ),
    (
        "photos.leaves_folder",
        "文件名不能跳出 photos 文件夹（不能有“..”）",
        "the file name must not leave the photos folder (no \"..\")",
    ),
    (
        "photos.folder_named",
        "“{name}”把 photos 文件夹也写进去了",
        "\"{name}\" names the photos folder too",
    ),
    (
        "photos.folder_named.hint",
        "去掉“photos/”，写成“{inside}”",
        "write the name without \"photos/\": \"{inside}\"",
    ),
    (
        "photos.capitals",
        "没有叫“{name}”的照片；它的名字写作“{real}”",
        "there is no photo \"{name}\"; its name is written \"{real}\"",
    ),
    (
        "photos.capitals.hint",
        "名字必须完全一致，包括大小写：写成“{real}”",
        "names must match exactly, capitals included: write \"{real}\"",
    ),
    ("photos.refused", "照片 photos/{name} {problem}", "the photo photos/{name} {problem}"),
    ("videos.refused", "视频 photos/{name} {problem}", "the video photos/{name} {problem}"),
    (
        "photos.outside.hint",
        "把照片文件本身复制到 photos 文件夹里",
        "copy the photo itself into the photos folder",
    ),
    (
        "photos.heic.hint",
        "存成 JPEG：在 iPhone 上选“设置 > 相机 > 格式 > 兼容性最佳”后再拍，或通过聊天软件发给自己（会转成 JPEG）再用那张",
        "save it as JPEG: on the iPhone choose Settings > Camera > Formats > \"Most Compatible\" before taking photos, or send it to yourself through a chat app, which turns it into a JPEG, and use that",
    ),
    ("photos.save_again", "重新存成 {formats} 图片", "save it again as a {formats} image"),
    ("photos.missing", "photos 文件夹里没有“{name}”这张照片", "there is no photo \"{name}\" in the photos folder"),
    (
        "photos.missing.hint",
        "把照片复制到 photos 文件夹，或改正名字",
        "copy the photo into the photos folder, or correct the name",
    ),
    // `prepare`: how far a long run has come, and what it did.
    (
        "prepare.progress",
        "已准备 {done}/{total} 张照片，每秒 {rate} 张，{left}",
        "prepared {done} of {total} photos, {rate} photos/s, {left}",
    ),
    ("prepare.left", "约剩 {time}", "about {time} left"),
    ("prepare.left_unknown", "剩余时间尚不可知", "time left not known yet"),
    (
        "prepare.summary",
        "已为 {screen} 的屏幕准备好 {ready} 张照片，用时 {seconds} 秒（每秒 {rate} 张）：新做 {made} 张，已有 {cached} 张，拒绝 {refused} 张（缓存：{cache}）",
        "prepared {ready} photos for a {screen} screen in {seconds} s ({rate} photos/s): {made} made, {cached} already there, {refused} refused (cache: {cache})",
    ),
    (
        "prepare.content_has_errors",
        "内容有错误，改正之前本机不会显示它；改正后再运行 prepare",
        "the kiosk would not show this content until its errors are fixed; fix them and run prepare again",
    ),
];
