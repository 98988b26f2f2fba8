# govlint's messages in Simplified Chinese: the same ids as ../en/*.ftl, each referring to exactly
# the same arguments (tests/messages.rs checks both). The readers are editors of government
# websites, so the marks are named as GB/T 15834-2011 names them, quoted with “” (not
# backticks), and help lines say what to do (改为…、删去…). Conventions:
# - No space between Han characters and digits or Latin letters (第11行、不是govlint的规则、
#   GB/T 15834第4.10条); names written in Latin letters (rule names, file paths, directives)
#   are quoted with “” instead.
# - A help line follows “建议：”, so it has no colon of its own before the action: the reason
#   goes after a comma or in parentheses (改为句号“。”（中文句子末尾用句号）).
# - What “--fix” does is 自动修复 (never 自动修正, 自动改正).
# - A quotation mark cannot be quoted with “” (““”” is unreadable), so a $mark that is always a
#   quotation mark is written after its name in full-width parentheses: 前引号（“）.
# - Chinese has no plural forms, and CLDR gives `zh` only the category `other`, so `[one]` would
#   never match: where the English selects on a number, the Chinese either needs no choice or
#   uses the numeric key `[1]` (不是… / 都不是…).

# A message the unit tests of the catalog machinery render.
test-message = { $count ->
    [1] 一次{ $mark }（测试）
   *[other] { $count }次{ $mark }（测试）
}

## Places a message points to

place-line = 第{ $line }{ $unit ->
    [paragraph] 段
   *[line] 行
}
place-file-line = 文件“{ $path }”第{ $line }{ $unit ->
    [paragraph] 段
   *[line] 行
}
place-line-column = 第{ $line }{ $unit ->
    [paragraph] 段
   *[line] 行
}第{ $column }字
place-lines = 第{ $first }至{ $last }{ $unit ->
    [paragraph] 段
   *[line] 行
}
place-file-lines = 文件“{ $path }”第{ $first }至{ $last }{ $unit ->
    [paragraph] 段
   *[line] 行
}

## Lists of names (rule names), joined by the program

list-name = “{ $name }”
list-separator = 、

## duplicate-paragraph and near-duplicate-paragraph

duplicate-paragraph = 这一段与{ $place }重复
duplicate-paragraph-copies = 这一段与{ $place }重复（同样的段落共出现{ $copies }次）
duplicate-paragraph-across-files = 这一段与{ $place }重复（同样的段落在{ $files }个文件中共出现{ $copies }次）
duplicate-paragraph-help = 删去重复的段落；如果两处确实都需要这段内容，请改写其中一处
duplicate-paragraph-common-help = 这是许多文件共有的文字。如果是固定的格式用语，可以把它加入白名单（“--dup-allowlist”）；否则请改写
duplicate-paragraph-fix = 删去这一重复段落
duplicate-block = 这{ $count }段与{ $place }的{ $count }段重复
duplicate-block-help = 这是从另一个文件整块粘贴过来的内容，请删去，或改为引用那份文件，不要照抄
duplicate-title = 这里重复了{ $place }的标题
duplicate-title-help = 删去重复的标题
duplicate-title-fix = 删去重复的标题
near-duplicate-paragraph = 这一段与{ $place }有{ $percent }%的内容相同
near-duplicate-paragraph-help = 删去这一段，或把两段的不同之处并入前一段，只保留一个版本
duplicate-set-aside = 默认不报告（{ $reason ->
    [statute-parallel] 判断为法律法规中的并列条款
    [template-items] 判断为同一列表中只有名称或数字不同的各项
    [series-formula] 判断为同一系列文件的固定表述
    [quotation] 判断为对其他文件的引用
    [negation] 两段只差一个否定词，意思相反
   *[heading] 判断为标题，导语可以复述标题
}）
related-first-occurrence = 首次出现处
related-also-repeated = 此处也重复
related-first-of-block = 这组段落首次出现处
related-title = 标题
related-similar = 相似的段落

## Notices of a run

notice-findings-capped = 规则“{ $rule }”共发现{ $found }处问题，只报告前{ $kept }处
notice-near-search-truncated = 近似重复段落的查找提前结束了：相似的段落太多，需要比对的段落组合数以百万计。因此有些近似重复没有报告，或者显示时对照的不是最相似的那一段（完全重复的段落都已报告）
notice-cache-not-written = 无法写入缓存：{ $error }
notice-cache-damaged = 缓存已损坏，本次不使用，将重新写入

## cjk-space

cjk-space = 汉字“{ $before }”和“{ $after }”之间有{ $space ->
    [space] 空格
    [ideographic] 全角空格（U+3000）
   *[no-break] 不换行空格（U+00A0）
}
cjk-space-help = 删去空格（中文词语之间不加空格）
cjk-space-phrases-help = 删去空格；如果空格是用来隔开两个短语的，改用逗号“，”或顿号“、”
cjk-space-fix = 删去空格

## dash-form

dash-form = 用“{ $written }”充当破折号
dash-form-single = 破折号只写了一个“—”
dash-form-tripled = 破折号写成了三个“—”，应为两个
dash-form-help = 改为破折号“——”，即两个“—”相连，中间不断开（GB/T 15834第4.10条）
dash-form-fix = 改为“——”

## ellipsis-form

ellipsis-form = 省略号写成了“{ $written }”
ellipsis-form-help = 改为中文省略号“……”（六个点，占两个字的位置）
ellipsis-form-fix = 改为“……”

## lost-character

lost-character = 疑似丢字：“{ $context }”中的“{ $written }”处可能丢失了一个字
lost-character-help = 对照原稿补回丢失的字（常为间隔号“·”或人名中的生僻字）
lost-character-replacement = 出现替换字符“�”：编码转换时丢失了一个字
lost-character-replacement-help = 对照作者的原稿补回丢失的字

## stray-period

stray-period = 句末误用{ $mark ->
    [ascii] 英文句点“.”
   *[fullwidth] 全角句点“．”
}
stray-period-help = 改为句号“。”（中文句子末尾用句号）
stray-period-fix = 改为“。”

## fullwidth-alphanumeric

fullwidth-alphanumeric = 误用全角{ $kind ->
    [letters] 字母
    [both] 字母和数字
   *[digits] 数字
}“{ $written }”
fullwidth-alphanumeric-help = 改为半角“{ $half }”
fullwidth-alphanumeric-fix = 改为半角字符
fullwidth-alphanumeric-zero = 汉字数字“{ $written }”中混入了全角数字“０”
fullwidth-alphanumeric-zero-help = 年份或编号中的零改为“〇”，数量中的零改为“零”
fullwidth-alphanumeric-year-help = 改为“{ $fixed }”（用汉字数字书写的年份，零写作“〇”）
fullwidth-alphanumeric-year-fix = 把“０”改为“〇”

## halfwidth-punctuation

# $name：comma 逗号、semicolon 分号、colon 冒号、exclamation 叹号、question 问号。
halfwidth-punctuation = 中文里误用了英文{ $name ->
    [comma] 逗号
    [semicolon] 分号
    [colon] 冒号
    [exclamation] 叹号
   *[question] 问号
}“{ $mark }”
halfwidth-punctuation-habit = 中文里误用了英文{ $name ->
    [comma] 逗号
    [semicolon] 分号
    [colon] 冒号
    [exclamation] 叹号
   *[question] 问号
}“{ $mark }”，而本文有{ $count }处用的是全角的“{ $full }”
halfwidth-punctuation-help = 改为全角“{ $full }”
halfwidth-punctuation-parentheses = 括注中文时误用了半角括号“( )”
halfwidth-punctuation-parentheses-habit = 括注中文时误用了半角括号“( )”，而本文有{ $count }处用的是全角括号“（”
halfwidth-punctuation-parentheses-help = 改为全角括号“（）”
halfwidth-punctuation-fix = 改为全角标点

## repeated-punctuation

repeated-punctuation = “{ $mark }”连用了{ $count }个
repeated-punctuation-doubled = “{ $mark }”连用了两个
repeated-punctuation-help = 只保留一个“{ $mark }”
repeated-punctuation-fix = 删去多余的“{ $mark }”
repeated-punctuation-stacked = 问号、叹号连用了{ $count }个
repeated-punctuation-stacked-help = 问号“？”、叹号“！”叠用不超过三个，删去多余的（GB/T 15834第4.2.3条、第4.3.3条）
repeated-punctuation-mixed = 点号连用：“{ $marks }”
repeated-punctuation-mixed-help = 根据此处的停顿，只保留一个合适的点号

## mixed-number

mixed-number = 阿拉伯数字后用了“{ $unit }”：“{ $written }”
mixed-number-help = 改为“{ $digits }”，或者整个数都用汉字数字书写（阿拉伯数字后面只能跟“万”“亿”）
mixed-number-year-range = 起止年份“{ $range }”用短横线“{ $hyphen }”连接
mixed-number-year-range-help = 起止年份之间改用一字线“—”（或浪纹线“～”）连接；短横线用于日期和编号
mixed-number-year-range-fix = 把短横线改为“—”
mixed-number-year-style = 年份“{ $written }”用的是{ $style ->
    [chinese] 汉字数字
   *[arabic] 阿拉伯数字
}（本文共{ $count }处这样写），但另有{ $other_count }处年份用的是{ $style ->
    [chinese] 阿拉伯数字
   *[arabic] 汉字数字
}（如“{ $example }”）
mixed-number-year-style-help = 改为“{ $converted }”，同一篇文章中的年份应统一写法
mixed-number-zero = 年份“{ $year }”中的零误写成了{ $zero ->
    [circle] 圆圈“○”
    [letter] 字母“O”
    [digit] 阿拉伯数字“0”
   *[ling] 表示数量的“零”
}，应为“〇”
mixed-number-zero-help = 改为“{ $written }年”（年份中的零写作“〇”）
mixed-number-zero-fix = 改为“{ $written }”

## duplicate-sentence

duplicate-sentence = 这句话在本段中重复出现，前一处在{ $place }
duplicate-sentence-run = 这{ $count }句话在本段中重复出现，前一处从{ $place }开始
duplicate-sentence-previous-paragraph = 这句话与上一段的最后一句（{ $place }）重复
duplicate-sentence-help = 两处只保留一处，删去另一处
duplicate-sentence-fix = 删去重复的句子
duplicate-sentence-clause = 这个分句与紧挨在前面的分句重复
duplicate-sentence-clause-fix = 删去重复的分句

## multi-paragraph-quote

multi-paragraph-quote = 这段引文跨了{ $count }段，但只有第一段的段首有前引号（{ $mark }）
multi-paragraph-quote-help = 每一段引文的段首都加前引号（{ $mark }），后引号只加在最后一段的末尾（GB/T 15834第4.8.3条）
multi-paragraph-quote-closes = 引文在这里结束
multi-paragraph-quote-fix = 在每一段引文的段首加前引号（{ $mark }）

## page-residue

page-residue = 网页残留内容：{ $kind }
page-residue-embedded = 正文中夹有网页残留内容：{ $kind }
page-residue-kind = { $kind ->
    [breadcrumb] 页面位置导航（“当前位置：首页 > …”）
    [header] 网页的文章信息栏（来源、发布时间、浏览次数）
    [pager] 上一篇、下一篇的链接（“上一篇”“下一篇”）
    [font-size] 字号切换按钮（“字体：[ 大 中 小 ]”）
    [button] 网页按钮（“打印本页”“关闭窗口”）
   *[share] 分享栏（“分享到”“扫一扫”）
}
page-residue-help = 删去这一行，它是复制文章时带过来的网页内容，不属于正文
page-residue-template-help = 如果这一行是网页模板自带的，应由网站修改模板，而不是改文章；如果是粘贴进文章的，请删去
page-residue-embedded-help = 删去这些按钮文字，它们是复制文章时带过来的网页内容
page-residue-fix = 删去网页残留内容

## unbalanced-bracket

unbalanced-bracket-opener = “{ $mark }”在本段中缺少与之配对的后一半
unbalanced-bracket-closer = “{ $mark }”前面缺少与之配对的前一半
unbalanced-bracket-help = 补上缺少的另一半，或删去这个符号
unbalanced-bracket-mirror-fix = 把“{ $wrong }”改为“{ $right }”，与另一半配成一对
unbalanced-bracket-delete-fix = 删去“{ $mark }”

## unbalanced-quote

unbalanced-quote-opener = 前引号（{ $mark }）在本段中没有配对的后引号
unbalanced-quote-opener-help = 在引文结束处补上后引号，或删去这个前引号
unbalanced-quote-closer = 后引号（{ $mark }）前面没有配对的前引号
unbalanced-quote-closer-help = 在引文开始处补上前引号，或删去这个后引号
unbalanced-quote-mirror-fix = 把后引号（{ $wrong }）改为（{ $right }），与前面的前引号配成一对
unbalanced-quote-delete-fix = 删去这个引号（{ $mark }）

## unused-suppression
# $names and $unknown are lists of rule names, each quoted and joined with 、 (list-name,
# list-separator).

unused-suppression = “{ $directive }”{ $kind ->
    [enable] 没有重新启用任何规则：它列出的规则在这里并没有被屏蔽
   *[disable] 没有屏蔽任何问题
}
unused-suppression-names = “{ $keyword }”中的{ $names }{ $kind ->
    [enable] 没有重新启用任何规则：这些规则在这里并没有被屏蔽
   *[disable] 没有屏蔽任何问题
}
unused-suppression-unknown-rules = { $unknown }{ $count ->
    [1] 不是govlint的规则
   *[other] 都不是govlint的规则
}
unused-suppression-names-unknown-rules = “{ $keyword }”中的{ $names }{ $kind ->
    [enable] 没有重新启用任何规则：这些规则在这里并没有被屏蔽
   *[disable] 没有屏蔽任何问题
}；{ $unknown }{ $count ->
    [1] 不是govlint的规则
   *[other] 都不是govlint的规则
}
unused-suppression-not-a-directive = “{ $word }”不是govlint的指令（可用的指令有“govlint-disable”“govlint-enable”“govlint-disable-next-line”“govlint-disable-file”）
unused-suppression-help = 删去这条注释
unused-suppression-names-help = 删去没有起作用的规则名
unused-suppression-fix = 删去这条屏蔽注释
unused-suppression-names-fix = 删去没有起作用的规则名

## canonical-wording, misspelling, abolished-agency（第20号议题）

canonical-wording = “{ $found }”与规范表述“{ $term }”差了一个字
canonical-wording-known-wrong = “{ $found }”是规范表述“{ $term }”的常见错误写法
canonical-wording-help = 应写作“{ $term }”
canonical-wording-fix = 改为“{ $term }”
misspelling = “{ $wrong }”是错别字，应为“{ $right }”
misspelling-help = 改为“{ $right }”
misspelling-fix = 改为“{ $right }”
abolished-agency = “{ $name }”已在{ $year }年机构改革中撤销
abolished-agency-help = 其职责已划入{ $successor }：请写现在承担这项职责的机构；如指原机构，写作“原{ $name }”

## document-number

document-number-brackets = 发文字号“{ $written }”中的年份用了“{ $brackets }”括入
document-number-brackets-help = 改为“{ $corrected }”（发文字号的年份用六角括号“〔〕”括入，GB/T 9704-2012第7.2.5条）
document-number-brackets-fix = 年份改用六角括号“〔〕”括入
document-number-year = 发文字号“{ $written }”中的年份只写了两位“{ $year }”
document-number-year-help = 年份写全称，核对原文件后改为“{ $corrected }”
document-number-year-fix = 年份改为“{ $year }”
document-number-di = 发文字号“{ $written }”的顺序号前加了“第”字
document-number-di-help = 改为“{ $corrected }”（发文顺序号不加“第”字）
document-number-di-fix = 删去“第”字
document-number-zeros = 发文字号“{ $written }”的顺序号“{ $sequence }”编了虚位（前面补了0）
document-number-zeros-help = 改为“{ $corrected }”（发文顺序号不编虚位，1不编为01）
document-number-zeros-fix = 删去顺序号前面的0

## date-form

date-form-short-year = 年份“{ $written }”只写了后两位
date-form-short-year-help = 写全四位年份（如“2018年”，不简写为“18年”）
date-form-padded = 日期“{ $written }”中的月、日前面补了“0”
date-form-padded-help = 改为“{ $fixed }”（月、日不编虚位，1不写作01）
date-form-padded-fix = 改为“{ $fixed }”
date-form-mixed = 日期“{ $written }”写成了{ $form ->
    [words] “年月日”的形式
    [dots] 用下脚点“.”分隔的形式
   *[slashes] 用分隔号“/”分隔的形式
}（本文共{ $count }处这样写），但另有{ $other_count }处日期写成“{ $example }”这样
date-form-mixed-help = 改为“{ $converted }”，同一篇文章中的日期应统一写法

## numbering-sequence

numbering-sequence-gap = 序号跳号：“{ $previous }”之后是“{ $written }”，缺少“{ $expected }”
numbering-sequence-repeat = 序号重复或倒退：“{ $previous }”之后是“{ $written }”
numbering-sequence-help = 同一组序号应依次编号；如果漏掉了一项，应补回
numbering-sequence-previous = 上一个序号
numbering-sequence-fix = 从“{ $expected }”起依次重新编号

## heading-level

heading-level-form = 第{ $level }层序数“{ $written }”写法不规范，应为“{ $standard }”
heading-level-form-help = 改为“{ $standard }”（汉字数字后用顿号，阿拉伯数字后用下脚点“.”，带括号的序数后不加标点）
heading-level-form-fix = 改为“{ $standard }”
heading-level-skipped = “{ $marker }”直接用在“{ $parent }”之下，而本文其他地方在这两层之间用了“{ $between }”
heading-level-skipped-help = 补上“{ $between }”这一层，或把这些序数改为“{ $between }”
heading-level-skipped-related = 本文在同一层之下用“{ $between }”的地方
heading-level-stop = 单独成行的第{ $level }层标题末尾用了句号，而本文同一层有{ $without }个标题末尾不用句号
heading-level-stop-help = 删去句号（标题末尾不用标点），或在同一段里接着写正文
heading-level-stop-fix = 删去句号

## title-punctuation

title-punctuation-end = { $title ->
    [official] 公文标题
   *[heading] 标题
}末尾用了“{ $mark }”
title-punctuation-end-help = 删去“{ $mark }”（标题不是句子，末尾不用点号）
title-punctuation-fix = 删去“{ $mark }”
title-punctuation-inside = 公文标题中用了“{ $mark }”
title-punctuation-inside-help = 改写标题，去掉这个点号（公文标题除书名号、引号中的文字外，一般只用顿号），例如用“和”“并”连接前后两部分
title-punctuation-cut-help = 标题末尾不用点号：如果标题的后半截在下一行，把两行接起来；否则删去“{ $mark }”
