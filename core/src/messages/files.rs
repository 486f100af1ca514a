//! What `check` says about the files themselves: missing, unreadable, not JSON, a value of
//! the wrong kind; and its summary line, and publications.

pub(super) const MESSAGES: &[super::Entry] = &[
    ("file.missing", "文件不见了", "the file is missing"),
    (
        "file.missing.hint",
        "把它放回去（工作人员面板或 lighthouse-kiosk status 会说明屏幕上现在是哪份内容）；每个内容文件夹都需要 {files}",
        "put it back (the staff panel and lighthouse-kiosk status say which content is on screen meanwhile); every content folder needs {files}",
    ),
    ("file.unreadable", "无法读取这个文件：{error}", "the file cannot be read: {error}"),
    (
        "file.not_utf8",
        "文件不是 UTF-8 编码（可能存成了 GBK 或 ANSI）",
        "the file is not UTF-8 text (it may have been saved as GBK or ANSI)",
    ),
    (
        "file.not_utf8.hint",
        "用记事本打开，选“文件 → 另存为”，把“编码”选为 UTF-8，再保存",
        "open it in Notepad, choose File → Save As, set Encoding to UTF-8, and save (另存为 → 编码 → UTF-8)",
    ),
    (
        "file.not_an_object",
        "整个文件必须放在一对大括号 { … } 里",
        "the whole file must be inside one pair of braces { … }",
    ),
    (
        "file.not_an_object.hint",
        "对照默认内容里的 {name}（lighthouse-kiosk init 会写出一份）",
        "compare it with {name} in the default content (lighthouse-kiosk init writes one)",
    ),
    // Not JSON at all.
    (
        "json.full_width",
        "“{found}”是中文（全角）标点；这里要用英文标点“{wanted}”",
        "\"{found}\" is Chinese (full-width) punctuation; the file needs \"{wanted}\" here",
    ),
    (
        "json.full_width.hint",
        "把输入法切换到英文标点，重新输入“{wanted}”",
        "switch the input method to English punctuation and type \"{wanted}\" again",
    ),
    ("json.ends_early", "文件提前结束了", "the file ends too early"),
    (
        "json.ends_early.hint",
        "可能少了一个收尾的 }、] 或引号",
        "a closing }, ] or quote is probably missing",
    ),
    (
        "json.comma_after_last",
        "最后一项后面多了一个逗号",
        "there is a comma after the last item",
    ),
    (
        "json.comma_after_last.hint",
        "删掉这个括号前、最后一项后面的逗号",
        "remove the comma after the last item, before this bracket",
    ),
    (
        "json.comma_or_brace",
        "这里应该是逗号，或收尾的 }",
        "a comma, or the closing }, should be here",
    ),
    (
        "json.comma_or_bracket",
        "这里应该是逗号，或收尾的 ]",
        "a comma, or the closing ], should be here",
    ),
    (
        "json.comma_missing.hint",
        "上一项的末尾可能少了一个逗号",
        "a comma is probably missing at the end of the item before this spot",
    ),
    (
        "json.brace_missing.hint",
        "这个 ] 前面可能少了一个收尾的 }",
        "a closing } is probably missing just before this ]",
    ),
    ("json.name_expected", "这里应该是加引号的名称", "a name in quotes should be here"),
    (
        "json.name_expected.hint",
        "每一项都写成 \"名称\": 值；名称要加英文引号",
        "write each item as \"name\": value, with the name in quotes",
    ),
    (
        "json.item_not_closed.hint",
        "前一项没有结束：逗号前可能少了一个 }",
        "the item before this one is not closed: a } is probably missing before the comma",
    ),
    ("json.colon", "名称后面应该有冒号 :", "a colon : should follow the name"),
    (
        "json.colon.hint",
        "写成 \"名称\": 值（用英文冒号）",
        "write it as \"name\": value, with an English colon",
    ),
    (
        "json.line_break_in_text",
        "引号里的文字中有换行或制表符",
        "a text has a line break or a tab inside its quotes",
    ),
    (
        "json.line_break_in_text.hint",
        "把文字写在一行里；需要换行的地方写 \\n",
        "keep the text on one line; write \\n where a new line should start",
    ),
    (
        "json.backslash",
        "文字里的反斜杠 \\ 后面跟着无法识别的字符",
        "a backslash \\ in a text is followed by something the file cannot hold",
    ),
    (
        "json.backslash.hint",
        "要写一个反斜杠，请写两个：\\\\",
        "to write one backslash, write two: \\\\",
    ),
    (
        "json.after_the_end",
        "文件的最外层 { } 后面还有内容",
        "there is more after the end of the file's { }",
    ),
    (
        "json.after_the_end.hint",
        "删掉最后一个 } 后面的内容，或把它移到括号里面",
        "remove what follows the last }, or move it inside",
    ),
    ("json.value_expected", "这里缺少一个值，或写了无法识别的内容", "a value is missing here, or something here is not a value"),
    (
        "json.look_here.hint",
        "在这个位置或它前面找一找：是否少了逗号、引号或括号",
        "look for a missing comma, quote or bracket at or just before this spot",
    ),
    ("json.other", "文件格式有误（{message}）", "the file is not written right ({message})"),
    // JSON, but not what the kiosk reads.
    ("json.missing", "这一项缺少“{name}”", "\"{name}\" is missing from this item"),
    (
        "json.missing.hint",
        "给这一项加上 \"{name}\"（可以参考其他项的写法）",
        "add \"{name}\" to this item (see the other items for an example)",
    ),
    ("json.twice", "“{name}”写了两次", "\"{name}\" is written twice"),
    ("json.unknown_name", "这一项不能有“{name}”", "\"{name}\" is not something this item can have"),
    ("json.unknown_value", "“{name}”不是可以用的值", "\"{name}\" is not one of the values allowed here"),
    (
        "json.nothing_allowed.hint",
        "删掉“{name}”：这里什么也不能加",
        "remove \"{name}\": nothing can be added here",
    ),
    ("json.allowed.hint", "这里可以用：{list}", "allowed here: {list}"),
    (
        "json.wrong_kind",
        "这里应是{expected}，却写了{found}",
        "this should be {expected}, not {found}",
    ),
    (
        "json.number_in_quotes.hint",
        "数字不要加引号，例如 12",
        "write the number without quotes, e.g. 12",
    ),
    (
        "json.boolean_in_quotes.hint",
        "写 true 或 false，不加引号",
        "write true or false without quotes",
    ),
    (
        "json.one_in_a_list.hint",
        "即使只有一个，也要写成方括号里的列表：[\"{text}\"]",
        "write a list in square brackets, even for one: [\"{text}\"]",
    ),
    (
        "json.not_a_text",
        "这里应是加引号的文字，或按语言分开的文字 {\"zh\": …, \"en\": …}",
        "this should be a text in quotes, or a text per language {\"zh\": …, \"en\": …}",
    ),
    (
        "json.not_a_text.hint",
        "例如 \"佛山\" 或 {\"zh\": \"佛山\", \"en\": \"Foshan\"}",
        "e.g. \"Foshan\" or {\"zh\": \"佛山\", \"en\": \"Foshan\"}",
    ),
    ("json.kind.text", "加引号的文字", "a text in quotes"),
    (
        "json.kind.text_or_per_language",
        "加引号的文字，或按语言分开的文字，例如 {\"zh\": \"…\", \"en\": \"…\"}",
        "a text in quotes, or a text per language, e.g. {\"zh\": \"…\", \"en\": \"…\"}",
    ),
    ("json.kind.text_saying", "文字“{text}”", "the text \"{text}\""),
    ("json.kind.whole_number", "整数", "a whole number"),
    ("json.kind.decimal", "带小数的数字", "a number with decimals"),
    ("json.kind.true_or_false", "true 或 false", "true or false"),
    (
        "json.kind.true_false_or_auto",
        "true、false 或 \"auto\"",
        "true, false or \"auto\"",
    ),
    ("json.kind.list", "方括号里的列表 [ … ]", "a list [ … ]"),
    ("json.kind.group", "大括号里的一组内容 { … }", "a group { … }"),
    ("json.kind.null", "空值 null", "null (nothing)"),
    // check's last line.
    ("check.valid", "{folder}：内容正确", "{folder}: valid"),
    (
        "check.valid_with_warnings",
        "{folder}：内容正确，有 {warnings} 条提醒",
        "{folder}: valid, {warnings} warning(s)",
    ),
    ("check.errors", "{folder}：有 {errors} 处错误", "{folder}: {errors} error(s)"),
    (
        "check.errors_and_warnings",
        "{folder}：有 {errors} 处错误，{warnings} 条提醒",
        "{folder}: {errors} error(s), {warnings} warning(s)",
    ),
    // Publications (manifest.json).
    (
        "publication.damaged",
        "无法读取发布清单：{reason}",
        "the manifest cannot be read: {reason}",
    ),
    (
        "publication.damaged.hint",
        "重新发布这个文件夹（lighthouse-kiosk publish），或删掉 manifest.json",
        "publish the folder again (lighthouse-kiosk publish), or delete manifest.json",
    ),
    (
        "publication.differs",
        "有 {n} 个文件与发布的内容不同（{files}）；{why}",
        "{n} file(s) differ from the published content ({files}); {why}",
    ),
    (
        "publication.differs.hint",
        "如果这些文件是发布后又改过的，请在编辑内容的电脑上重新发布：lighthouse-kiosk publish 文件夹",
        "if these files were changed after publishing, publish the folder again from the PC where the content is edited: lighthouse-kiosk publish FOLDER",
    ),
];
