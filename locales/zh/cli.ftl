# 命令行的帮助（`govlint --help`、`govlint check --help`、`govlint help rule`…）和命令行错误，
# 简体中文。ids 与 ../en/cli.ftl 相同，由命令树机械地得出（见 src/cli/help.rs）：命令或选项
# 没有中文说明时测试失败。选项名、命令名、取值（human、json…）、配置键照原样写，用“”引起来。

cli-govlint = 检查中文政务文章：查出重复的段落和用错的标点符号

## govlint check

cli-check = 检查文件和文件夹（文件夹里只检查“.txt”“.md”“.markdown”“.html”“.htm”“.docx”“.doc”“.wps”“.odt”文件；写“-”表示读取标准输入）
cli-check-paths = 要检查的文件或文件夹；写“-”表示读取标准输入
cli-check-format = 输出格式
cli-check-format-human = 每处问题下面摘出原文，最后给出汇总
cli-check-format-json = 一个JSON文档，列出全部问题
cli-check-format-concise = 每处问题一行：“路径:行:列: 级别[规则] 说明”
cli-check-format-sarif = SARIF 2.1.0格式，供代码扫描服务读取
cli-check-format-github = GitHub Actions工作流命令（在GitHub页面的文件旁显示批注）
cli-check-format-rdjson = reviewdog读取的格式（把问题作为审阅意见发表）
cli-check-format-markdown = Markdown报告，供CI任务的摘要页面使用：按规则和按文件统计问题，列出错误，成对列出重复段落
cli-check-format-html = 一个独立的HTML网页，用浏览器查看：概览和图表、并排对照的重复段落、各文件问题及其上下文，可按规则和级别筛选
cli-check-output = 把报告写入这个文件（整体替换，写入是原子的），而不是输出到标准输出；任何格式都可以
cli-check-color = 什么时候给“human”格式的输出加颜色
cli-check-select = 只运行这些规则（规则名之间用英文逗号隔开）
cli-check-ignore = 不运行这些规则（规则名之间用英文逗号隔开）
cli-check-quiet = 只列出问题，最后不显示汇总
cli-check-show-all = 每处问题都完整显示（“human”格式）：某条规则在一个文件中超过5处时不再折叠成一行，重复段落的其他各处也全部列出
cli-check-ambiguous-width = 终端把宽度不定的标点（“ ” ‘ ’ … — · ×）显示为几列宽，用来对齐原文摘录下的标记：“wide”（两列，中文终端的习惯）或“narrow”（一列）。默认：语言环境的字符集为GBK、GB18030或Big5时，或者提示信息是中文时，用“wide”；否则用“narrow”
cli-check-stdin-filename = 读取标准输入时，报告里用的文件名
cli-check-dup-scope = 在哪里查重复：“file”只在每个文件内部查；“repository”（默认）还在这次检查的所有文件之间查，不论是命令行上写出的还是文件夹中的
cli-check-dup-threshold = 相似度达到多少算作“近似重复”，取值大于0、不超过1（默认0.85）
cli-check-dup-allowlist = 允许到处重复的段落（固定套话）清单文件：每行一段，“#”开头的行是注释
cli-check-dup-against = 还查检查的文件与这个文件夹中的文件（按检查文件夹的规则选出）之间的重复；这些文件只用来比较，其中的问题不报告；可以写多次。用于 pre-commit：“--dup-against .”，并加上“--cache”
cli-check-dup-parallel = 合理的重复（法规条款、同一清单的模板条目、引文、系列套话、否定句）怎么处理：“hide”不报告（默认），“report”逐条以“info”级别报告并注明理由，便于核查判断是否正确
cli-check-as-of = 判断机构改革撤销的机构名称时，把所有文档都当作写于这一天（写作“YYYY-MM-DD”），而不按文档自己的日期
cli-check-fix = 自动修复可以安全修复的问题（直接改写文件，一次整体换成新内容），然后报告剩下的问题。读取标准输入（“-”）时，改好的文本输出到标准输出
cli-check-diff = 只列出“--fix”会做哪些改动（差异格式），不改写任何文件
cli-check-in-place = 配合“--fix”使用：有些文件无法整体换成新内容（有其他硬链接、所在文件夹不可写，或新文件无法保留原来的所有者、组或扩展属性），加上此选项就在原文件上逐步改写（中途出错可能留下改了一半的文件）。不加此选项，这样的文件不修复
cli-check-unsafe-fixes = 配合“--fix”或“--diff”使用：连同不安全的修复一起做
cli-check-statistics = 不列出问题，只统计每条规则发现了多少处（配合“--format json”时输出JSON数组）
cli-check-cache = 保存检查结果供下次使用，再次检查时只读取和比对改动过的文件
cli-check-cache-dir = 缓存存放的文件夹（隐含“--cache”；默认“.govlint-cache”）
cli-check-config = 使用这个配置文件，而不是从当前文件夹起向上（直到仓库根目录）找到的最近的“govlint.toml”或“.govlint.toml”
cli-check-isolated = 不使用任何配置文件
cli-check-show-settings = 显示实际生效的设置（配置文件加命令行选项）后退出
cli-check-force-exclude = 命令行上直接写出的文件如果属于排除范围，也跳过（供pre-commit使用）
cli-check-exit-zero = 即使发现问题，退出码也为0（输入出错时仍为2）
cli-check-encoding = 所有输入都按这种编码读取（“gbk”“gb18030”“big5”“utf-16le”“utf-8”…），不自动识别
cli-check-fail-on = 发现这个级别或更高级别的问题时，退出码为1（检查不通过）；默认为“error”
cli-check-lang = 输出语言：“zh”为简体中文，“en”为英文；默认按配置文件的“lang”，没有时按系统的语言环境变量LC_ALL、LC_MESSAGES、LANG
cli-check-lang-en = 英文
cli-check-lang-zh = 简体中文
cli-check-baseline = 只报告这个基线文件里没有记录的问题（基线文件用“--write-baseline”生成）
cli-check-write-baseline = 把这次发现的问题记录到基线文件，不报告问题，退出码为0
cli-check-max-file-size = 超过这个大小的输入不读取，直接拒绝；单位是字节，也可以带K、M、G，如“64M”

## govlint rules、rule、init

cli-rules = 列出全部规则及其默认级别
cli-rule = 显示一条规则的说明
cli-rule-name = 规则名，如“stray-period”
cli-rules-lang = 输出语言：“zh”为简体中文，“en”为英文；默认按配置文件的“lang”，没有时按系统的语言环境变量LC_ALL、LC_MESSAGES、LANG
cli-rules-lang-en = 英文
cli-rules-lang-zh = 简体中文
cli-rule-lang = 输出语言：“zh”为简体中文，“en”为英文；默认按配置文件的“lang”，没有时按系统的语言环境变量LC_ALL、LC_MESSAGES、LANG
cli-rule-lang-en = 英文
cli-rule-lang-zh = 简体中文
cli-init = 生成一个带注释的“govlint.toml”，列出全部设置及其默认值
cli-init-force = 文件已存在时覆盖它
cli-init-path = 写到哪个文件
cli-init-lang = 配置文件中注释的语言，以及提示信息的语言：“zh”为简体中文，“en”为英文；默认按系统的语言环境变量LC_ALL、LC_MESSAGES、LANG
cli-init-lang-en = 英文
cli-init-lang-zh = 简体中文

## govlint completions, manpage

cli-completions = 输出 govlint 在某种 shell 中的命令补全脚本（放在哪里见 README）
cli-completions-shell = 为哪种 shell 生成
cli-manpage = 输出 man 手册页（roff 格式，英文）：“govlint manpage > govlint.1”
cli-server = 运行语言服务器（LSP），经标准输入输出与编辑器通信
cli-server-lang = 提示信息的语言：“zh”为简体中文，“en”为英文；默认按工作区 govlint.toml 中的 lang，没有设置时按编辑器的界面语言，再按系统的语言环境变量LC_ALL、LC_MESSAGES、LANG
cli-server-lang-en = 英文
cli-server-lang-zh = 简体中文

## 取值的占位名（“--config <文件>”）

cli-value-format = 格式
cli-value-color = 颜色
cli-value-rules = 规则
cli-value-name = 名称
cli-value-scope = 范围
cli-value-similarity = 相似度
cli-value-file = 文件
cli-value-what = 处理方式
cli-value-dir = 文件夹
cli-value-encoding = 编码
cli-value-severity = 级别
cli-value-lang = 语言
cli-value-size = 大小
cli-value-width = 宽度
cli-value-path = 路径
cli-value-shell = SHELL
cli-value-date = 日期
cli-value-paths = 路径
cli-value-n = 数目

## clap 自己的话（英文输出由 clap 原样给出，所以只有中文有这些）

clap-usage = 用法：
clap-commands = 命令：
clap-arguments = 参数：
clap-options = 选项：
clap-options-placeholder = [选项]
clap-command-placeholder = 命令
clap-help = 显示帮助
clap-help-summary = 显示帮助（用“--help”看详细说明）
clap-help-detail = 显示帮助（用“-h”只看摘要）
clap-version = 显示版本号
clap-help-command = 显示本帮助，或某个命令的帮助
clap-help-command-name = 要看哪个命令的帮助
clap-default = 默认值：{ $value }
clap-possible = 可选值：{ $values }
clap-possible-values = 可选值：
clap-help-with-notes = { $help }（{ $notes }）
clap-notes-separator = ；
clap-list-separator = 、
clap-value-line = - { $value }：{ $pad }{ $help }

## 命令行错误

clap-error = 错误：{ $message }
clap-tip = 提示：{ $tip }
clap-more = 详细说明请运行“{ $command } --help”。
clap-more-flag = 详细说明请用“--help”查看。
clap-error-unknown-argument = 没有“{ $arg }”这个选项
clap-error-unknown-command = 没有“{ $command }”这个命令
clap-error-invalid-value = “{ $arg }”的值“{ $value }”不对
clap-error-invalid-value-reason = “{ $arg }”的值“{ $value }”不对：{ $reason }
clap-error-missing-value = “{ $arg }”后面要跟一个值
clap-error-possible-values = 可选值：{ $values }
clap-error-conflict = “{ $arg }”不能和“{ $other }”一起使用
clap-error-repeated = “{ $arg }”只能用一次
clap-error-missing-argument = 缺少必需的参数：{ $args }
clap-error-missing-command = “{ $command }”后面要跟一个命令：{ $commands }
clap-error-too-many-values = “{ $arg }”不需要更多的值，多出了“{ $value }”
clap-error-wrong-number = “{ $arg }”需要{ $expected }个值，实际给了{ $actual }个
clap-error-no-equals = “{ $arg }”的值要用等号连接（“{ $arg }=值”）
clap-error-utf8 = 命令行里有无法识别的字符（不是UTF-8编码）
clap-error-other = 命令行有误：{ $message }
clap-tip-did-you-mean = 是不是要写“{ $suggestion }”？
clap-tip-as-value = 如果“{ $arg }”是要传入的值，请写成“{ $usage }”
clap-tip-command-option = “{ $usage }”是可以用的
clap-tip-remove-dashes = “{ $command }”是一个命令；要用它，请删去前面的“--”

## 取值检查（英文也来自这里）

clap-invalid-size = “{ $value }”不是文件大小（如64M、1G、500000）
clap-invalid-encoding = “{ $value }”不是编码名（如gbk、gb18030、big5、utf-16le）
clap-invalid-threshold = “{ $value }”不是大于0、不超过1的相似度
clap-invalid-date = “{ $value }”不是写作YYYY-MM-DD的日期，请写成“2024-01-05”这样
cli-signatures = 把查找重复段落所需的每个段落的信息写成 Parquet 文件，供多台机器一起查找
cli-signatures-paths = 要读取的文件和目录，读法与 `govlint check` 相同
cli-signatures-output = 写入的目录（不存在时新建；其中不能已有签名文件）
cli-signatures-partitions = 写成几个分区（默认每 50 万个段落一个分区）
cli-signatures-config = 使用的配置文件，代替在当前目录或上级目录（直到仓库根目录）中找到的 `govlint.toml` 或 `.govlint.toml`
cli-signatures-isolated = 不使用任何配置文件
cli-report = 以任意格式重新报告：`govlint signatures` 读取的文件，连同其他地方查到并写入 DIR/pairs/ 的近似段落，判断方法与 `govlint check` 相同；或者 govlint 写出的 JSON 报告
cli-report-input = `govlint signatures` 写入的目录，或者 `--format json` 的报告（Spark 作业写出的结果 JSON）
cli-report-output = 把报告写入这个文件，而不是标准输出（整个替换，不会只写一半）
cli-report-lang = 报告的语言：“zh”为简体中文，“en”为英文；默认按配置文件中的 lang，没有设置时按系统的语言环境变量LC_ALL、LC_MESSAGES、LANG
cli-report-format = 输出格式
cli-report-format-human = 每处问题下面摘出原文，最后给出汇总
cli-report-format-json = 一个JSON文档，列出全部问题
cli-report-format-concise = 每处问题一行：“路径:行:列: 级别[规则] 说明”
cli-report-format-sarif = SARIF 2.1.0格式，供代码扫描服务读取
cli-report-format-github = GitHub Actions工作流命令（在GitHub页面的文件旁显示批注）
cli-report-format-rdjson = reviewdog读取的格式（把问题作为审阅意见发表）
cli-report-format-markdown = Markdown报告，供CI任务的摘要页面使用：按规则和按文件统计问题，列出错误，成对列出重复段落
cli-report-format-html = 一个独立的HTML网页，用浏览器查看：概览和图表、并排对照的重复段落、各文件问题及其上下文，可按规则和级别筛选
cli-report-config = 使用这个配置文件，而不是从当前文件夹起向上（直到仓库根目录）找到的最近的“govlint.toml”或“.govlint.toml”
cli-report-isolated = 不使用任何配置文件
cli-report-lang-en = 英文
cli-report-lang-zh = 简体中文
