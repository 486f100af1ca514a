//! What `check` says about the content itself: settings, opening hours, highlights, texts,
//! dates, contacts and a screen's own settings.

pub(super) const MESSAGES: &[super::Entry] = &[
    // Said of many things.
    ("did_you_mean", "是不是要写“{name}”？", "did you mean \"{name}\"?"),
    ("remove_one", "删掉其中一个", "remove one of them"),
    ("use_one_of", "请使用其中之一：{list}", "use one of: {list}"),
    // settings.json
    ("settings.no_language", "没有列出任何语言", "no language is listed"),
    (
        "settings.no_language.hint",
        "列出内容所用的语言，例如 [\"zh\", \"en\"]",
        "list the languages the content is written in, e.g. [\"zh\", \"en\"]",
    ),
    ("settings.not_a_language", "“{code}”不是语言代码", "\"{code}\" is not a language code"),
    (
        "settings.not_a_language.hint",
        "请用简短的代码：中文写 \"zh\"，英文写 \"en\"",
        "use a short code: \"zh\" for Chinese, \"en\" for English",
    ),
    ("settings.language_twice", "“{code}”列出了两次", "\"{code}\" is listed twice"),
    ("language.not_listed", "“{code}”不在所列的语言之中", "\"{code}\" is not one of the languages"),
    ("language.listed", "settings.json 中的语言是：{list}", "the languages in settings.json are: {list}"),
    ("language.zh", "中文（zh）", "Chinese (zh)"),
    ("language.en", "英文（en）", "English (en)"),
    (
        "settings.no_pin",
        "没有设置工作人员 PIN：谁也打不开工作人员面板",
        "no staff PIN is set: nobody can open the staff panel",
    ),
    (
        "settings.no_pin.hint",
        "运行 lighthouse-kiosk pin --write 内容文件夹，它会把 PIN 写进 settings.json",
        "run lighthouse-kiosk pin --write FOLDER: it puts the PIN into settings.json",
    ),
    (
        "settings.not_a_pin",
        "这不是 lighthouse-kiosk pin 生成的 PIN",
        "this is not a PIN as lighthouse-kiosk pin writes it",
    ),
    (
        "settings.not_a_pin.hint",
        "重新运行 lighthouse-kiosk pin --write 内容文件夹",
        "run lighthouse-kiosk pin --write FOLDER again",
    ),
    // Numbers.
    ("number.too_little", "{value} {unit} 太少了", "{value} {unit} is too little"),
    ("number.too_much", "{value} {unit} 太多了", "{value} {unit} is too much"),
    ("number.range", "请写 {min} 到 {max} 之间的数字", "use a number from {min} to {max}"),
    ("seconds.too_short", "{value} 秒太短了", "{value} seconds is too short"),
    ("seconds.too_long", "{value} 秒太长了", "{value} seconds is too long"),
    (
        "seconds.range",
        "请写 {min} 到 {max} 之间的秒数",
        "use a number of seconds from {min} to {max}",
    ),
    // Opening hours.
    ("hours.overlap", "“{time}”与“{other}”重叠", "\"{time}\" overlaps \"{other}\""),
    (
        "hours.overlap.hint",
        "把它们合成一段时间，或改正其中一段",
        "join them into one time, or correct one of them",
    ),
    (
        "hours.not_a_range",
        "“{time}”不是像“09:00-17:30”这样的时间段",
        "\"{time}\" is not a time range like \"09:00-17:30\"",
    ),
    (
        "hours.no_such_time",
        "“{time}”不是一天中的时间（00:00 到 24:00）",
        "\"{time}\" is not a time of day (00:00 to 24:00)",
    ),
    (
        "hours.closes_before_opening",
        "关门时间（{close}）早于开门时间（{open}）",
        "it closes ({close}) before it opens ({open})",
    ),
    (
        "hours.past_midnight",
        "要开到午夜以后？这一天写“…-24:00”，第二天写“00:00-…”",
        "open past midnight? write \"…-24:00\" here and \"00:00-…\" on the next day",
    ),
    (
        "hours.how_to_write",
        "请写成“09:00-17:30”的样子，小时和分钟都用两位数",
        "write it like \"09:00-17:30\", with two digits for hours and minutes",
    ),
    // Dates.
    ("date.not_a_date", "“{date}”不是日期", "\"{date}\" is not a date"),
    (
        "date.how_to_write",
        "请写成 年-月-日，例如“2024-04-22”",
        "write it as YYYY-MM-DD, e.g. \"2024-04-22\"",
    ),
    (
        "date.how_to_write_or_year",
        "请写成 年-月-日，例如“2024-04-22”，或只写年份，例如“2023”",
        "write it as YYYY-MM-DD, e.g. \"2024-04-22\", or a year alone, e.g. \"2023\"",
    ),
    (
        "date.no_such_month",
        "“{date}”：没有 {month} 月（月份是 01 到 12）",
        "\"{date}\": there is no month {month} (months are 01 to 12)",
    ),
    (
        "date.no_such_day",
        "“{date}”：{month} 没有 {day} 日（这个月有 {days} 天）",
        "\"{date}\": {month} has no day {day} (it has {days} days)",
    ),
    ("date.check_day_and_month", "请检查日和月", "check the day and the month"),
    // highlights.json
    ("highlights.none", "一条亮点也没有", "there are no highlights"),
    (
        "highlights.none.hint",
        "幻灯片只会显示图片和联系方式",
        "the slideshow shows only the photos and the contacts",
    ),
    ("highlights.none_today", "今天没有要显示的亮点", "no highlight is shown today"),
    (
        "highlights.none_today.hint",
        "请检查“from”和“until”两个日期",
        "check the \"from\" and \"until\" dates",
    ),
    (
        "highlights.until_before_from",
        "“until”早于“from”（{until} 在 {from} 之前）",
        "\"until\" is before \"from\" ({until} < {from})",
    ),
    (
        "highlights.until_before_from.hint",
        "这条亮点永远不会显示：把两个日期对调，或改正其中一个",
        "the highlight would never be shown: swap the dates or correct one",
    ),
    (
        "highlights.expired",
        "已于 {until} 到期：这条亮点不再显示",
        "expired on {until}: this highlight is no longer shown",
    ),
    (
        "highlights.expired.hint",
        "删掉它，或把“until”改到以后的某一天",
        "remove it, or move \"until\" to a later day",
    ),
    (
        "photos.until_before_from.hint",
        "这张照片永远不会显示：把两个日期对调，或改正其中一个",
        "the photo would never be shown: swap the dates or correct one",
    ),
    (
        "photos.expired",
        "已于 {until} 到期：这张照片不再显示",
        "expired on {until}: this photo is no longer shown",
    ),
    // Two versions of a file kept by a sync tool.
    (
        "sync.conflict",
        "有两个人同时改了这个文件（{when}）：屏幕显示的是这个版本，另一个版本另存为 {copy}",
        "two people changed this file at once ({when}): the screens show this version; the other was kept as {copy}",
    ),
    (
        "sync.conflict.hint",
        "对比 {copy} 和 {file}，把前者多出的内容补进 {file}，然后删除 {copy}",
        "compare {copy} with {file}, copy into {file} what the other version adds, then delete {copy}",
    ),
    // notice.json
    (
        "notice.how_to_write_time",
        "写成 年-月-日T时:分，例如 \"2026-07-21T18:00\"；只写日期（\"2026-07-21\"）表示整天",
        "write it as YYYY-MM-DDTHH:MM, e.g. \"2026-07-21T18:00\"; a day alone (\"2026-07-21\") means the whole day",
    ),
    (
        "notice.ends_before_it_starts",
        "通知在开始之前（或开始的同时）就结束了",
        "the notice ends before (or as) it starts",
    ),
    (
        "notice.ends_before_it_starts.hint",
        "它永远不会显示：改正“from”或“until”",
        "it would never be shown: correct \"from\" or \"until\"",
    ),
    (
        "notice.ended",
        "通知已于 {until} 结束，不再显示",
        "the notice ended at {until} and is no longer shown",
    ),
    (
        "notice.ended.hint",
        "删除 notice.json，或运行 lighthouse-kiosk notice --clear",
        "delete notice.json, or run lighthouse-kiosk notice --clear",
    ),
    // Times of the week an item is shown.
    ("times.no_days", "没有写是哪几天", "no day is listed"),
    (
        "times.no_days.hint",
        "写出显示的日子，例如 [\"mon\", \"tue\"]（mon 到 sun 是星期一到星期日）",
        "list the days it is shown, e.g. [\"mon\", \"tue\"] (mon to sun: Monday to Sunday)",
    ),
    (
        "times.how_to_write",
        "时间写成两位的时和分，例如 \"09:00\" 或 \"17:30\"；晚于午夜就写较早的 \"until\"，例如 \"22:00\" 到 \"02:00\"",
        "write a time as two-digit hours and minutes, e.g. \"09:00\" or \"17:30\"; past midnight, write an earlier \"until\", e.g. \"22:00\" to \"02:00\"",
    ),
    (
        "times.empty",
        "“from”和“until”都是 {time}",
        "\"from\" and \"until\" are both {time}",
    ),
    (
        "times.empty.hint",
        "全天显示就写 \"00:00\" 到 \"24:00\"；否则改正其中一个",
        "for the whole day write \"00:00\" to \"24:00\"; otherwise correct one of them",
    ),
    (
        "times.starts_at_end_of_day",
        "“from”是 24:00，那天已经结束了",
        "\"from\" is 24:00, the end of the day",
    ),
    (
        "times.starts_at_end_of_day.hint",
        "从午夜开始就写 \"00:00\"，并把“days”改成第二天",
        "to start at midnight write \"00:00\" and name the next day in \"days\"",
    ),
    (
        "times.not_on_its_days",
        "从 {from} 到 {until}，没有一天是它的显示时间：它永远不会显示",
        "none of its times falls between {from} and {until}: it is never shown",
    ),
    (
        "times.not_on_its_days.hint",
        "在“days”里加上这几天中的一天，或者改动日期",
        "add one of those days to its \"days\", or change the dates",
    ),
    (
        "times.only_while_closed",
        "它的时间都在闭馆时段：那时屏幕休息，它永远不会显示",
        "all its times are while the building is closed: the screen rests then, so it is never shown",
    ),
    (
        "times.only_while_closed.hint",
        "让它的时间与 settings.json 里的开放时间有重叠",
        "make its times overlap the opening hours in settings.json",
    ),
    ("highlights.no_source", "没有哪篇来源的 id 是“{id}”", "no source has the id \"{id}\""),
    (
        "highlights.no_source.hint",
        "把这篇文章加到“sources”里，或改正 id",
        "add the article to \"sources\" or correct the id",
    ),
    ("id.unusable", "“{id}”不能用作 id", "\"{id}\" is not a usable id"),
    (
        "id.unusable.hint",
        "只用小写字母、数字和“-”，例如“patent-awards”",
        "use lower-case letters, digits and \"-\", e.g. \"patent-awards\"",
    ),
    ("id.twice", "id“{id}”用了两次", "the id \"{id}\" is used twice"),
    (
        "id.twice.hint",
        "每个 id 都必须不同：给其中一个改名",
        "every id must be different: rename one of them",
    ),
    // Texts.
    ("text.empty", "文字是空的", "the text is empty"),
    (
        "text.empty.hint",
        "写上文字；如果这一项可以不填，就把它整个删掉",
        "write the text, or remove the item if it is optional",
    ),
    (
        "text.translation_missing",
        "没有{lang}文字：会显示{shown}文字代替",
        "no {lang} text: the {shown} text is shown instead",
    ),
    ("text.add_translation", "加上 \"{code}\": \"…\"", "add \"{code}\": \"…\""),
    (
        "text.default_missing",
        "没有{lang}文字，而它是默认语言",
        "no {lang} text, the default language",
    ),
    (
        "text.default_missing.hint",
        "加上 \"{code}\": \"…\"；在此之前会显示另一种语言",
        "add \"{code}\": \"…\"; until then another language is shown",
    ),
    (
        "text.too_long.slide",
        "文字太长，幻灯片上放不下：{count} 个字，这里最多约放 {chinese} 个汉字或 {other} 个字母",
        "too long to fit a slide: {count} characters, where about {chinese} Chinese or {other} other characters fit",
    ),
    (
        "text.too_long.slide.hint",
        "缩短它；完整的内容写在“body”里，访客点开故事就能看到",
        "shorten it; the whole story belongs in \"body\", which visitors read when they open it",
    ),
    (
        "text.too_long.story",
        "文字太长，故事页面读起来太吃力：{count} 个字，最多约 {chinese} 个汉字或 {other} 个字母",
        "too long for the story screen to read well: {count} characters, where about {chinese} Chinese or {other} other characters fit",
    ),
    (
        "text.too_long.story.hint",
        "把它分成两条亮点，或删去一些",
        "split it into two highlights, or shorten it",
    ),
    (
        "text.too_long.contacts",
        "文字太长，联系页面上放不下：{count} 个字，这里最多约放 {chinese} 个汉字或 {other} 个字母",
        "too long to fit the contact screen: {count} characters, where about {chinese} Chinese or {other} other characters fit",
    ),
    (
        "text.too_long.photo",
        "文字太长，图片下方放不下：{count} 个字，这里最多约放 {chinese} 个汉字或 {other} 个字母",
        "too long to fit under the photo: {count} characters, where about {chinese} Chinese or {other} other characters fit",
    ),
    (
        "text.too_long.notice",
        "文字太长，通知在大厅远处读不完：{count} 个字，这里最多约放 {chinese} 个汉字或 {other} 个字母",
        "too long for a notice read from across the lobby: {count} characters, where about {chinese} Chinese or {other} other characters fit",
    ),
    (
        "text.too_long.notice.hint",
        "只写一两句话；详细内容可以写成一条亮点",
        "keep it to a sentence or two; the details can go in a highlight",
    ),
    ("text.too_long.hint", "请缩短它", "shorten it"),
    (
        "text.long_word",
        "有一个不带空格的长词（“{start}…”，{count} 个字符），放不进任何一栏：屏幕会在栏边把它断开",
        "a word without spaces (\"{start}…\", {count} characters) is longer than any column: the screen breaks it at the column's edge",
    ),
    (
        "text.long_word.hint",
        "在可以断开的地方加空格（网址可以写在单独一行，或只写主要部分）",
        "add spaces where it may break (a web address can go on a line of its own, or be shortened to its main part)",
    ),
    (
        "text.direction",
        "文字里有一个看不见的改变文字方向的字符（{code}），可能让名称读起来不一样",
        "the text holds an invisible character that turns its direction ({code}): it can make a name read differently",
    ),
    (
        "text.direction.hint",
        "删掉它：重新输入这段文字，不要从别处复制粘贴",
        "remove it: type the text again rather than copying it from elsewhere",
    ),
    // contacts.json
    ("contacts.no_postcode", "邮编是空的", "the postcode is empty"),
    ("contacts.none", "一个联系方式也没有", "there are no contacts"),
    (
        "contacts.none.hint",
        "至少列出一个园区或办公室和它的电话号码",
        "list at least one park or office with its phone number",
    ),
    ("contacts.no_phone", "没有电话号码", "there is no phone number"),
    (
        "contacts.no_phone.hint",
        "至少写一个，例如 [\"0757-82210575\"]",
        "give at least one, e.g. [\"0757-82210575\"]",
    ),
    ("contacts.not_a_phone", "“{phone}”不是电话号码", "\"{phone}\" is not a phone number"),
    (
        "contacts.not_a_phone.hint",
        "每项写一个号码，只用数字、空格、“-”、“+”和括号",
        "write one number per item, using digits, spaces, \"-\", \"+\" and brackets",
    ),
    // A screen's own screen.json.
    ("screen.unusable_name", "“{name}”不能用作屏幕名称", "\"{name}\" is not a usable screen name"),
    (
        "screen.unusable_name.hint",
        "只用小写字母、数字和“-”，例如“lobby”",
        "use lower-case letters, digits and \"-\", e.g. \"lobby\"",
    ),
    (
        "screen.no_such_contact",
        "contacts.json 中没有叫“{name}”的联系方式",
        "no contact in contacts.json is called \"{name}\"",
    ),
    (
        "screen.no_such_contact.hint",
        "请用 contacts.json 中的名称，例如“{name}”",
        "use a name from contacts.json, e.g. \"{name}\"",
    ),
];
