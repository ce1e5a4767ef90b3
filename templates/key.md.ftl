<#-- Answer key in Markdown: the worked solution laid out like a seed document. Text is escaped by md(),
     names, values and equations are code spans. The view is `key` (SolutionView). -->
<#include "markdown.ftl">
<#macro rows items>
| quantity | value | meaning |
| --- | --- | --- |
<#list items as row>
| ${name(row)} | ${code(row.value)} | ${md(row.meaning)} |
</#list>
</#macro>
## Answer key: ${md(key.title)}
<#if key.recipient.named>

**Student ${code(key.recipient.student)}**<#if key.recipient.name?has_content> · ${md(key.recipient.name)}</#if><#if key.recipient.variant?has_content> · variant ${code(key.recipient.variant)}</#if>
</#if>

Exercise ${code(key.exerciseId)}<#if key.source?has_content> (from ${code(key.source)})</#if> · values to ${key.digits} significant digits
<#if key.notation?has_content>

Notation: <#list key.notation as pair>${code(pair.canonical)} = ${code(pair.document)}<#sep>, </#sep></#list>
</#if>

### Model

<#list key.equations as equation>
- ${code(equation.text)}
</#list>

### Given

<@rows key.given/>

### Forward pass
<#list key.sequences as sequence>

<#if sequence.label?has_content>**${md(sequence.label)}**

</#if>
| <#list sequence.forward.header as cell>${code(cell)}<#sep> | </#sep></#list> |
|<#list sequence.forward.header as cell> --- |</#list>
<#list sequence.forward.rows as cells>
| <#list cells as cell><#if cell?has_content>${code(cell)}</#if><#sep> | </#sep></#list> |
</#list>
<#list sequence.losses as loss>

${name(loss)} = ${code(loss.value)}
</#list>
</#list>

<#if key.totalLoss??>**Total loss** ${name(key.totalLoss)} = ${code(key.totalLoss.value)}</#if>

### Backward pass through time

<#list key.backwardEquations as equation>
- ${code(equation.text)}
</#list>
<#list key.sequences as sequence>
<#list sequence.backward as step>

#### <#if sequence.label?has_content>${md(sequence.label)}, </#if>t = ${step.step}

<@rows step.errors/>
<#if step.contributions?has_content>

Gradient contributions of step ${step.step}:

<@rows step.contributions/>
</#if>
</#list>
</#list>

### Summed gradients

<@rows key.gradients/>
<#list key.sections as section>

### ${md(section.title)}

<@rows section.rows/>
</#list>
