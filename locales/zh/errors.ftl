# govlint 在检查结果之外说的话（错误、警告、注意）：输入文件、配置文件、基线文件为什么无法使用，
# 修改为什么没有写入，以及这些话所在的行。约定同 findings.ftl 开头：文件名、配置项、命令和选项
# 用“”括起；每条错误先说出了什么问题，再说怎么办。读者是网站编辑，不是程序员：技术细节
# （压缩包、XML 的出错位置）放在括号里，供需要的人转给技术人员。

## 标准错误输出上的行

line-error = 错误：{ $message }
line-error-file = 错误：“{ $path }”：{ $message }
line-input-error = 错误：无法检查“{ $path }”：{ $message }
line-warning = 警告：{ $message }
line-warning-file = 警告：“{ $path }”：{ $message }
line-note = 注意：{ $message }
line-note-file = 注意：“{ $path }”：{ $message }
line-skipped = 注意：已跳过“{ $path }”：{ $what }

## 文件无法打开或读取的原因

io-not-found = 没有这个文件或文件夹，请检查路径是否写对
io-permission-denied = 没有读写权限
io-is-a-directory = 这是文件夹，这里需要的是文件
io-link-loop = 符号链接构成了循环（层层指向自身）
io-read-only-file-system = 所在的磁盘是只读的
io-storage-full = 磁盘空间已满
io-other = 系统报告：{ $error }
input-dangling-link = 这是指向不存在的文件的符号链接
input-not-regular-file = 不是普通文件（而是管道、套接字或设备）
input-too-large = 文件大小{ $size }，超过了{ $limit }的上限，没有读取。如需检查，请用“--max-file-size”调高上限。
input-stream-too-large = 输入超过了{ $limit }的上限，没有检查。如需检查，请用“--max-file-size”调高上限。
input-walk-loop = 符号链接构成了循环（指回“{ $ancestor }”），没有进入
input-unread-format = govlint不读取“.{ $extension }”格式的文件。如需检查，请把其中的文字另存为.docx或.txt文件。

## 文字文件：二进制文件与编码

input-binary-nul-bytes = 这是二进制文件（含有空字节），不是文字文件。
input-binary-nul-characters = 这是二进制文件（解码后含有空字符），不是文字文件。
input-odd-utf16 = 按{ $encoding }编码读取时字节数是奇数，文件可能不完整。请确认文件的编码，必要时用“--encoding”指定。
input-invalid-utf8 = 不是有效的UTF-8文本（第{ $offset }字节处有误）。请确认文件的编码，必要时用“--encoding”指定。
input-lone-surrogate = 无法按{ $encoding }编码读取（有不成对的代理码元），文件可能已损坏。
input-not-in-encoding = 文件中有不符合{ $encoding }编码的字节（也不是UTF-8）。请确认文件的编码，用“--encoding”指定正确的编码。
input-not-utf8 = 无法识别文件的编码：不是有效的UTF-8（第{ $offset }字节处有误），也不像中文编码（看起来像{ $guess }）。如果知道文件的编码，请用“--encoding”指定，例如“--encoding gbk”。
encode-unmappable = { $character ->
    [none] 文中有字符
   *[other] 文中的字符“{ $character }”
}无法用{ $encoding }编码保存

## Office 文档（.docx、.doc、.wps、.odt、.mht）

input-text-too-long = 文档中的文字超过了{ $limit }的上限，没有检查。如需检查，请用“--max-file-size”调高上限。
input-encrypted = 这是设置了密码的Word文件。请用Word打开，取消密码后另存，再检查。
input-docx-compound = 这是设置了密码的Word文件，或旧版.doc文件，不是.docx格式。请用Word打开，取消密码后另存为.docx再检查。
input-docx-zip-damaged = 文件已损坏（zip结构无法解析：{ $error }）。请用Word打开后另存为.docx再检查。
input-docx-no-main-part = 不是Word文档（压缩包中没有“{ $part }”）。请确认这是Word文件，用Word打开后另存为.docx再检查。
input-docx-alt-chunks-only = 正文全部在govlint不读取的嵌入文档（w:altChunk）中（另一个Word文件、RTF文件，或文件包里缺失的部分）。请用Word打开后另存为.docx再检查。
input-zip-damaged = 文件已损坏（zip结构无法解析：{ $error }）。请用Word或WPS打开后另存为.docx再检查。
input-zip-part-damaged = 文件已损坏（其中的“{ $part }”无法读取：{ $error }）。请用Word或WPS打开后另存为.docx再检查。
input-zip-method = 文件中的“{ $part }”用了govlint不支持的压缩方式（zip压缩方式{ $method }）。请用Word或WPS打开后另存为.docx再检查。
input-zip-bomb-size = 文件中的“{ $part }”解压后超过{ $limit } MB，没有检查（可能是恶意构造的压缩文件）。
input-zip-bomb-ratio = 文件中的“{ $part }”解压后超过压缩大小的{ $ratio }倍，没有检查（可能是恶意构造的压缩文件）。
input-malformed-xml = 文件内容已损坏（“{ $part }”的XML结构有误：{ $detail }）。请用Word或WPS打开后另存为.docx再检查。
input-odt-zip-damaged = 文件已损坏（zip结构无法解析：{ $error }）。请用WPS或LibreOffice打开后另存为.odt或.docx再检查。
input-odt-not-text = 这是OpenDocument文件，但不是文字文档（类型为“{ $mimetype }”）。
input-odt-no-content = 不是OpenDocument文字文档（压缩包中没有“{ $part }”）。请用WPS或LibreOffice打开后另存为.odt或.docx再检查。
input-rtf = 这是RTF文档，govlint不读取这种格式（其中的排版代码会被当作正文检查）。请用Word或WPS打开后另存为.docx再检查。
input-not-rtf = 不是RTF文档（开头不是“{"{"}\rtf”）。请确认文件的类型和扩展名。
input-doc-not-word = 不是Word文档（既不是Word 97-2003格式，也不是.docx格式）。请确认文件的类型和扩展名。
input-doc-compound-damaged = Word文件已损坏（文件结构无法解析：{ $error }）。请用Word或WPS打开后另存为.docx再检查。
input-doc-other-office-file = 不是Word文档（可能是Excel、PowerPoint等其他Office文件）。请确认文件的类型和扩展名。
input-doc-bad-stream = 不是Word文档（“WordDocument”数据的开头不对），文件可能已损坏。请用Word或WPS打开后另存为.docx再检查。
input-doc-too-old = 这是Word 97以前的旧格式（Word 6或Word 95），govlint不读取。请用Word或WPS打开后另存为.docx再检查。
input-doc-stream = Word文件已损坏（“{ $stream }”数据无法读取：{ $error }）。请用Word或WPS打开后另存为.docx再检查。
input-doc-stream-missing = Word文件已损坏（缺少“{ $stream }”数据）。请用Word或WPS打开后另存为.docx再检查。
input-doc-damaged = Word文件已损坏（{ $part ->
    [fib] 文件信息块有误
    [piece-table] 文字片段表有误
    [piece-table-outside] 文字片段表的位置超出了范围
   *[piece-outside] 部分文字的位置超出了文件
}）。请用Word或WPS打开后另存为.docx再检查。
input-mht-unreadable = 网页存档（MHT）的结构无法解析，文件可能已损坏。请用浏览器打开后另存为.html再检查。
input-mht-no-html = 网页存档（MHT）中没有网页正文（HTML部分）。
input-mht-undecodable = 网页存档（MHT）中的网页正文无法解码，文件可能已损坏。请用浏览器打开后另存为.html再检查。

## 文档中没有读取的部分

unread-note = { $parts }没有读取，未作检查
unread-parts-and = { $first }和{ $last }
unread-parts-comma = { $first }、{ $rest }
unread-part = { $part ->
    [footnotes] 脚注
    [endnotes] 尾注
    [comments] 批注
    [headers] 页眉
    [footers] 页脚
    [headers-and-footers] 页眉页脚
    [notes] 注释
    [text-boxes] 文本框
    [text-boxes-in-headers] 页眉中的文本框
    [embedded-documents] 嵌入文档
    [embedded-documents-w-altchunk] 嵌入文档（w:altChunk）
   *[other] “{ $part }”
}

## 汇总行中跳过的文件

skipped-binary = 跳过了{ $count }个二进制文件
skipped-files = 跳过了{ $count }个文件（{ $kinds }）
skipped-kind-binary = 二进制文件{ $count }个
skipped-kind-format = “.{ $extension }”文件{ $count }个
skipped-kind-separator = 、
human-skipped = { $summary }。
human-unread-parts = { $count }个文件中有部分内容（{ $parts }）没有读取，未作检查。

## 配置文件

config-unreadable = 无法读取配置文件：{ $error }
text-file-too-large = 文件大于{ $limit } MB
text-file-not-utf8 = 不是UTF-8编码的文字文件，请另存为UTF-8编码
# 配置文件出错时，miette在错误上方写的标题。
config-error-code = 配置文件有误
config-error-with-hint = { $message }。{ $hint }
config-toml = 配置文件的写法有误（{ $detail }），请对照“govlint init”生成的文件修改
config-unknown-key = 没有“{ $key }”这个配置项（这里可以写的配置项有：{ $expected }）
config-unknown-key-help = { $suggestion ->
    [none] {""}
   *[other] 是不是要写“{ $suggestion }”？
}配置项名称用小写英文字母和连字符（-）；“govlint init”会生成一个列出全部配置项的文件。
config-unknown-value = “{ $value }”不是可用的取值（可用的取值有：{ $expected }）
config-unknown-level-help = { $suggestion ->
    [none] {""}
   *[other] 是不是要写“{ $suggestion }”？
}规则的级别只能是“error”“warning”“info”“off”之一。
config-unknown-value-help = 是不是要写“{ $suggestion }”？
config-name = “{ $name }”
config-name-list = { $first }{ $rest }
config-name-one-of = { $list }
config-name-or = { $first }{ $rest }
config-unknown-rule = 没有名为“{ $name }”的规则
config-unknown-rule-help = { $suggestion ->
    [none] {""}
   *[other] 是不是要写“{ $suggestion }”？
}“govlint rules”会列出全部规则。
config-bad-per-file-glob = “{ $pattern }”不是有效的文件匹配模式：{ $error }
config-per-file-globs = [per-file]中的文件匹配模式有误：{ $error }
config-bad-glob = 不是有效的文件匹配模式：{ $error }
config-bad-threshold = “{ $value }”不是有效的相似度，应大于0、不大于1
config-bad-threshold-help = 默认值是0.85，即85%的字相同。

## 命令行

cli-unknown-rule = 没有名为“{ $name }”的规则。{ $suggestion ->
    [none] {""}
   *[other] 是不是要写“{ $suggestion }”？
}“govlint rules”会列出全部规则
cli-allowlist-unreadable = 无法读取白名单文件“{ $path }”：{ $error }
cli-terms-unreadable = 无法读取规范名称文件“{ $path }”（“[wording] terms-file”）：{ $error }
cli-output-not-written = 错误：无法输出检查结果：{ $error }
cli-report-not-written = 错误：无法把报告写入 { $path }：{ $error }
cli-server-failed = 错误：语言服务器已停止：{ $error }
cli-nothing-linted = 警告：没有检查任何文件：{ $skipped }。govlint读取.txt、.md、.markdown、.html、.htm、.docx、.doc、.wps和.odt文件
cli-stdin-not-read = 没有指定路径，因此检查的是当前文件夹“.”，而不是标准输入。要检查标准输入，请用“-”指明：“… | govlint check -”（指明“.”则不再显示这条提示）
cli-fixed = 已在{ $files }个文件中修改了{ $fixes }处问题。
cli-baseline-written = 已在“{ $path }”中记录{ $count }个问题。
cli-baseline-not-written = 错误：无法写入基线文件“{ $path }”：{ $error }
init-exists = 错误：“{ $path }”已存在。如要覆盖，请运行“govlint init --force”
init-written = 已写入“{ $path }”。
init-not-written = 错误：无法写入“{ $path }”：{ $error }

## --fix

fix-office-not-fixed = Office文档（.docx、.doc、.wps、.odt）不会自动修改，请按报告的问题手动修改
fix-same-file = 与“{ $other }”是同一个文件，已按那个名称修改
fix-changed-meanwhile = 文件在检查之后又被改动过，没有修改。请重新运行govlint
fix-not-written = 无法写入修改：{ $error }。文件保持原样

## 基线文件

baseline-unreadable = 无法读取基线文件“{ $path }”：{ $error }
baseline-invalid = “{ $path }”不是govlint的基线文件：{ $error }。请用“--write-baseline”重新生成
baseline-not-json = JSON格式有误（{ $error }）
baseline-version = 不支持第{ $version }版的基线文件（这个版本的govlint写的是第{ $supported }版）
baseline-fingerprint = “{ $value }”不是段落指纹

## --fix 不写入文件的原因（接在“无法写入修改：”之后）

fix-link-to-nothing = 这是指向“{ $target }”的符号链接，而那个文件不存在
fix-link-outside = 这是指向“{ $target }”的符号链接，目标不在这次检查的范围内（要修改它，请在命令行上写出那个文件或它所在的文件夹）
fix-not-regular-file = 不是普通文件（而是文件夹、管道、套接字或设备）
fix-changed-while-fixing = 修改过程中文件被其他程序改动了，保留了改动后的内容
fix-read-only = 文件是只读的（权限{ $mode }），如确需修改，请先取消只读
fix-read-only-file-system = 文件所在的磁盘是只读的
fix-read-only-for-you = 你没有修改这个文件的权限（权限{ $mode }）
fix-read-only-plain = 文件是只读的，如确需修改，请先取消只读
fix-unkept-in-place = { $reason }（可以改用“--in-place”直接在原文件上修改）
unkept-directory = 所在的文件夹不允许写入，无法建立替换它的新文件
unkept-hard-links = 它有{ $count }个硬链接，替换它会使这些链接断开
unkept-owner = 它属于另一个用户（uid { $uid }），替换它的新文件会属于你
unkept-group = 无法让替换它的新文件属于原来的用户组（gid { $gid }）
unkept-attribute = 无法让替换它的新文件带上原来的扩展属性“{ $name }”（{ $error }）

## TOML 读取器报告的错误

config-toml-syntax = { $problem ->
    [duplicate-key] 同一个配置项写了两次，请删去其中一个
    [no-value] 配置项后面缺少“=”和值，应写成“配置项 = 值”
    [unquoted] 文字值要用英文双引号括起，例如lang = "zh"
    [unclosed-array] 列表缺少结尾的“]”
    [unclosed-table] 表名缺少结尾的“]”，应写成“[rules]”这样
   *[unclosed-string] 文字值缺少结尾的英文双引号
}
# serde 报告的实际值（“现在写的是……”）。
config-found = { $kind ->
    [string] 文字“{ $value }”
    [integer] 整数{ $value }
    [float] 数字{ $value }
    [boolean] { $value }
    [sequence] 列表
    [map] 表
   *[other] { $value }
}
config-invalid-type = 值的类型不对：这里应该写{ $expected ->
    [boolean] true或false
    [sequence] 用方括号括起的列表，例如 ["*.txt"]
    [string] 用英文双引号括起的文字
    [number] 数字，例如0.85
    [count] 不小于0的整数
   *[other] { $expected }
}（现在写的是{ $found }）
config-invalid-value = 值不对：这里应该写{ $expected ->
    [boolean] true或false
    [sequence] 用方括号括起的列表，例如 ["*.txt"]
    [string] 用英文双引号括起的文字
    [number] 数字，例如0.85
    [count] 不小于0的整数
   *[other] { $expected }
}（现在写的是{ $found }）
cli-signatures-exist = “{ $path }”中已有签名文件（manifest.json）：请换一个新目录，或先删除它
cli-signatures-not-written = 无法把签名写入“{ $path }”：{ $error }
cli-signatures-written = { $files } 个文件、{ $units } 个段落的签名已写入“{ $path }”，共 { $partitions } 个分区
cli-signatures-unreadable = 无法读取“{ $path }”中的签名：{ $error }
signatures-stale-entry = 其中的检查结果由另一个版本的 govlint 写入：请重新生成签名
# 读回的 JSON 报告（“govlint report 结果.json”）中的文字，照原样显示。
as-written = { $text }
reread-unknown-rule = 本版 govlint 没有规则“{ $rule }”，该规则的问题未列出
cli-report-unreadable = 无法读取“{ $path }”：{ $error }
cli-report-not-json = “{ $path }”既不是 govlint 写出的 JSON 报告（“--format json”），也不是签名目录：{ $error }
