<#-- Problem sheet in Markdown: the exercise as a student gets it, without any answer. Text is escaped by md(),
     names, values and equations are code spans. The view is `sheet` (SheetView). -->
<#include "markdown.ftl">
## ${md(sheet.title)}
<#if sheet.recipient.named>

**Student ${code(sheet.recipient.student)}**<#if sheet.recipient.name?has_content> · ${md(sheet.recipient.name)}</#if>
</#if>

Exercise ${code(sheet.exerciseId)}<#if sheet.recipient.variant?has_content> · your own variant ${code(sheet.recipient.variant)}</#if>

**Precision.** Answers are judged to ${md(sheet.precision)}: work to at least that many decimals and write every digit you worked to.

**To submit**, fill in the answer file handed out with this sheet (`answers.yaml`), or the form of the HTML sheet, which saves that file for you; keep its exercise, student and variant lines as they are, and hand it in the way your instructor asks.
<#if sheet.notation?has_content>

Notation: <#list sheet.notation as pair>${code(pair.canonical)} = ${code(pair.document)}<#sep>, </#sep></#list>
</#if>

### Setup

<#list sheet.setup as fact>
- **${md(fact.label)}:** ${md(fact.value)}
</#list>

### Model

<#list sheet.equations as equation>
- ${code(equation.text)}
</#list>

### Given

| parameter | value | shape | meaning |
| --- | --- | --- | --- |
<#list sheet.parameters as parameter>
| ${name(parameter)} | ${code(parameter.value)} | ${md(parameter.shape)} | ${md(parameter.meaning)} |
</#list>

### Data
<#if sheet.vocabulary?has_content>

Vocabulary, in one-hot order: ${code(sheet.vocabulary)}
</#if>
<#list sheet.data as sequence>

<#if sequence.label?has_content>
**${md(sequence.label)}**

</#if>
<#if sequence.text?has_content>
Input text ${code(sequence.text)}, target text ${code(sequence.targetText)}

</#if>
| <#list sequence.table.header as cell>${code(cell)}<#sep> | </#sep></#list> |
|<#list sequence.table.header as cell> --- |</#list>
<#list sequence.table.rows as cells>
| <#list cells as cell><#if cell?has_content>${code(cell)}</#if><#sep> | </#sep></#list> |
</#list>
</#list>

### Compute (${sheet.askedCount} quantities)
<#list sheet.asked as group>

#### ${md(group.title)}

| quantity | shape | meaning |
| --- | --- | --- |
<#list group.quantities as quantity>
| ${name(quantity)} | ${md(quantity.shape)} | ${md(quantity.meaning)} |
</#list>
</#list>
