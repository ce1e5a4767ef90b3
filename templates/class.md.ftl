<#-- The class results of one exercise in compact form, for a CI step summary: no student list (the
     gradebook is class.csv), so its size does not grow with the class. Text is escaped by md(). -->
<#include "markdown.ftl">
## ${md(class.title)}: class results

Exercise ${code(class.exerciseId)} · **${class.students} students** · ${class.fullCredit} with full credit · mean ${class.meanPercent}% · median ${class.medianPercent}%

| score | <#list class.distribution as bin>${bin.label} |<#if !bin?has_next>
</#if></#list>
| --- | <#list class.distribution as bin>---: |<#if !bin?has_next>
</#if></#list>
| students | <#list class.distribution as bin>${bin.count} |<#if !bin?has_next>
</#if></#list>

| quantity | correct | carried forward | wrong | missing |
| --- | ---: | ---: | ---: | ---: |
<#list class.summaryQuantities as q>
| ${code(q.name)} | ${q.correct} | ${q.carried} | ${q.wrong} | ${q.missing} |
</#list>
<#if class.quantitiesLeftOut gt 0>

${class.quantitiesLeftOut} more quantities, with more correct answers, are in index.html.
</#if>
<#if class.misconceptions?has_content>

| misconception | answers | found most at |
| --- | ---: | --- |
<#list class.misconceptions as m>
| ${code(m.id)} | ${m.count} | ${md(m.where)} |
</#list>
</#if>
