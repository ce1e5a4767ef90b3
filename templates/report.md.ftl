<#-- Markdown report, for CI logs and a GitHub Actions step summary. Text is escaped by md(). -->
<#include "markdown.ftl">
## ${md(report.title)}

Exercise ${code(report.exerciseId)} · student ${code(report.student)} · **score ${report.score} / ${report.maxScore}** (${report.percent}%)

<#list report.counts as count>${count.label}: ${count.count}<#sep> · </#sep></#list>
<#list report.stages as stage>

### ${md(stage.title)}

| quantity | your value |<#if report.showExpected> expected |</#if> verdict | feedback |
| --- | --- |<#if report.showExpected> --- |</#if> --- | --- |
<#list stage.rows as row>
| ${code(row.name)}<#if row.documentName?has_content> (${code(row.documentName)})</#if> | <#if row.submitted?has_content>${code(row.submitted)}<#else>—</#if> |<#if report.showExpected> ${code(row.expected)} |</#if> <#if row.verdict == "not-gradable">➖<#elseif row.passed>✅<#else>❌</#if> ${row.verdictLabel} | ${md(row.feedback)}<#if row.diagnosis?has_content> (${code(row.diagnosis)})</#if> |
</#list>
</#list>
