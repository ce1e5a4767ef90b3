<#-- Markdown escaping, included by every Markdown template: md() for text in a table cell or a
     line (Markdown's own characters escaped, a line break or carriage return a space, so a cell
     cannot break its table), code() for a name or value in backticks, name() for a quantity in the document's notation and,
     where that differs, its canonical name. -->
<#function md text><#return text?replace("\\", "\\\\")?replace("|", "\\|")?replace("<", "&lt;")?replace(">", "&gt;")?replace("*", "\\*")?replace("_", "\\_")?replace("[", "\\[")?replace("]", "\\]")?replace("`", "'")?replace("\r\n", " ")?replace("\n", " ")?replace("\r", " ")></#function>
<#function code text><#return "`" + text?replace("`", "'")?replace("|", "\\|")?replace("\r\n", " ")?replace("\n", " ")?replace("\r", " ") + "`"></#function>
<#function name row><#if row.documentName != row.name><#return code(row.documentName) + " (" + code(row.name) + ")"><#else><#return code(row.name)></#if></#function>
