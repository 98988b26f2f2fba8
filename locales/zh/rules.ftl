# “govlint rules”和“govlint rule NAME”（以及SARIF中规则说明）用到的字句：标题、修复一栏及其图例。
# 各条规则的说明文字写在src/rules/*.rs中，与英文说明放在一起。

## 规则的修复能做到什么程度

fix-none = 不自动修复，只能由编辑修改
fix-safe = 安全修复，加“--fix”即可自动修复
fix-safe-when-unambiguous = 改法确定时安全修复（“--fix”），否则只给出修改建议（“--unsafe-fixes”）
fix-suggested = 只给出修改建议（“--unsafe-fixes”）

## “govlint rules”的修复一栏及其图例

fix-short-none = -
fix-short-safe = 自动修复
fix-short-safe-when-unambiguous = 部分自动修复
fix-short-suggested = 建议修改
fix-legend-none = 不自动修复：怎么改只有编辑能判断
fix-legend-safe = 加“--fix”即可全部自动修复
fix-legend-safe-when-unambiguous = 改法确定的，加“--fix”即可自动修复；其余的加“--unsafe-fixes”才修复
fix-legend-suggested = 只给出修改建议，加“--unsafe-fixes”才修复，修复后请逐处核对

## “govlint rules”的表头

rules-column-rule = 规则
rules-column-severity = 默认级别
rules-column-fix = 修复
rules-column-summary = 检查内容
rules-legend = 修复一栏：
rules-more = 用“govlint rule 规则名”查看某条规则的详细说明。

## “govlint rule NAME”

rule-page-severity = 默认级别：{ $severity ->
    [error] error（错误）
    [warning] warning（警告）
   *[other] { $severity }（提示）
}
rule-page-fix = 修复方式：{ $fix }
rule-page-examples = 示例
rule-page-use-instead = 应改为：
