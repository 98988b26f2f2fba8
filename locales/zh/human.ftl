# “--format human”和“--statistics”在问题之外的用语：每条问题的固定字样、折叠的问题、最后的总结行和
# 统计表。写法同 findings.ftl 开头的约定。

## The human format's own words

human-label-here = 此处
human-label-repeated = 重复处
# 放在每条问题的修改建议前；建议换行时后续各行按它的宽度缩进。
human-help = 建议：
human-what-differs = 不同之处：{ $diff }
# 问题下方列出的相关位置（“首次出现处：a.txt:11:1  原文…”）。
human-related = { $what }：{ $place }  { $excerpt }
human-more-copies = 另有{ $count }处重复未显示，加上“--show-all”可全部列出
human-unreadable-now = “{ $path }”：有{ $count }个问题（文件已无法读取，不能显示原文）
# 问题之后：同一段落被复制到许多文件里，其中的同一个问题只列一次，附上各处位置，以便从源头改正。
human-widespread = 注意：同一问题出现在{ $files }个文件中同一段落的各个副本里（宜从复制的源头一并改正）：{ $rule }：{ $message }
human-widespread-more = ……另有{ $count }处（“--format json”列出全部位置）
human-read-as = 注意：“{ $path }”按{ $encoding }编码读取
human-no-problems = 检查了{ $files }个文件，未发现问题。
# 给出的路径全都无法检查：什么也没有检查，不能说成“未发现问题”。
human-nothing-linted = 没有检查任何文件：{ $count }个路径无法读取。
human-problems = 检查了{ $files }个文件，发现{ $total }个问题（错误{ $errors }个，警告{ $warnings }个{ $infos ->
    [0] {""}
   *[other] ，提示{ $infos }个
}）。
# 接在总结行之后。
human-not-linted = 另有{ $count }个路径无法检查。

## Lists

human-list-joiner = 、
human-severity = { $severity ->
    [error] 错误
    [warning] 警告
   *[info] 提示
}

## Folded findings: one line for a rule that fires many times in one file

human-fold = { $rule }：“{ $path }”中有{ $count }处{ $severity ->
    [error] 错误
    [warning] 警告
   *[info] 提示
}{ $breakdown }{ $places }{ $fix }；另有{ $hidden }处未显示，加上“--show-all”可全部显示
human-fold-breakdown = ，其中{ $marks }
human-fold-mark = “{ $mark }”{ $count }处
human-fold-places = （第{ $numbers }{ $more ->
    [yes] 等
   *[no] {""}
}{ $unit ->
    [paragraph] 段
   *[line] 行
}）
human-fold-fix-all = ；都可以用“govlint check --fix”自动修复
human-fold-fix-some = ；其中{ $count }处可以用“govlint check --fix”自动修复

## Statistics (--statistics) and the lines after a long report

stats-fixable-all = [*] 可自动修复
stats-fixable-some = [*] 其中{ $count }处可自动修复
stats-fix-legend = [*] 表示可以用“govlint check --fix”自动修复
stats-files-heading = 问题最多的文件：
stats-file-rule = { $rule } { $count }处
stats-file-rules = （{ $rules }{ $more ->
    [yes] 等
   *[no] {""}
}）
stats-more-files = 另有{ $count }个文件未列出
stats-bulk-rule = 其中{ $count }个问题属于“{ $rule }”，分布在{ $files }个文件中。
stats-bulk-error = “{ $rule }”{ $count }个
stats-bulk-errors = 错误：{ $errors }。
stats-bulk-hint = “govlint check --statistics”可以按规则和文件统计问题数。

## Markdown报告（--format markdown），用于CI任务的摘要页面

md-rules-heading = 按规则统计
md-files-heading = 按文件统计
md-errors-heading = 错误
md-duplicates-heading = 重复段落
md-not-linted-heading = 未能检查
md-col-rule = 规则
md-col-severity = 级别
md-col-findings = 问题数
md-col-fixable = 可用“--fix”自动修复
md-col-file = 文件
md-col-errors = 错误
md-col-warnings = 警告
md-col-place = 位置
md-col-message = 说明
md-col-copy = 重复处
md-col-original = 与之重复
md-col-similarity = 相似度
md-more = ……另有{ $count }处未列出，“--format json”和SARIF列出全部。

## --format html：网页报告

html-title = govlint 检查报告
html-overview = 概览
html-files-checked = 检查的文件
html-findings = 问题
html-chart = 各规则的问题数
html-worst-files = 问题最多的文件
html-col-about = 检查什么
html-files = 各文件的问题
html-file-count = { $count }处问题
html-no-findings = 未发现问题。
html-filter-severity = 级别
html-filter-rule = 规则
# 筛选后的计数；{ $shown } 和 { $total } 由网页脚本填入。
html-shown = 显示{ $shown }处，共{ $total }处
html-widespread-heading = 多个文件中的同一问题
html-widespread-group = 同一段落的副本，见于{ $files }个文件：
html-exact-group = 同一段落出现{ $count }次
html-near-pair = 相似度{ $percent }%：不同之处已标出（左为较早一处独有的文字，右为本处独有的文字）
html-pointed-at = 其他问题所指的段落
html-fold = 本文件另有{ $count }处“{ $rule }”问题（点击展开）
html-fix-safe = （可用“govlint check --fix”自动修复）
html-fix-unsafe = （请先核对：“--fix --unsafe-fixes”才会修改）

## govlint server

server-lint-failed = govlint 检查这些文档时出错（某条规则失败），显示的是此前的检查结果。请报告这个问题。
server-unsafe-fix = { $title }（请先核对：可能改变原意）
server-fix-all = 修正本文件中所有可安全修正的问题（{ $count } 处）
server-disable-line = 在本行停用 { $rule }（在其上方加注释）
server-disable-file = 在本文件停用 { $rule }（在文件开头加注释）
server-reading-workspace = govlint：正在读取工作区的稿件
server-workspace-read = 已读取 { $files } 篇稿件

## --show-settings：设置上方的说明行（TOML注释）

settings-file = # 配置文件：{ $path }
settings-no-file = 无（全部使用默认值）
settings-root = # 项目根目录：{ $path }
