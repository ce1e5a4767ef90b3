package org.bptt.grader.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.bptt.grader.error.InputException;

/**
 * Renders report views with FreeMarker templates: the copies built into the jar, or a folder an
 * instructor copied and edited (null for the built-in ones). HTML (.ftlh) and XML (.ftlx) templates escape every value;
 * ?new and ?api are disabled, so a template cannot instantiate classes or reach Java APIs.
 */
public final class ReportRenderer {

  public static final String HTML = "report.html.ftlh";
  public static final String MARKDOWN = "report.md.ftl";
  public static final String JUNIT = "junit.xml.ftlx";

  /** A feedback report's format: its template and the extension of the file it writes. */
  public record Format(String template, String extension) {}

  /**
   * The formats every graded submission gets, the HTML first (its path is the one printed).
   * Adding a format is a template in templates/ and an entry here.
   */
  public static final List<Format> REPORT_FORMATS = List.of(new Format(HTML, ".html"),
      new Format(MARKDOWN, ".md"), new Format(JUNIT, ".junit.xml"));
  /** The answer key of an exercise ({@link SolutionView}, model name "key"). */
  public static final String KEY_HTML = "key.html.ftlh";
  public static final String KEY_MARKDOWN = "key.md.ftl";
  /** The problem sheet of an exercise ({@link SheetView}, model name "sheet"). */
  public static final String SHEET_HTML = "sheet.html.ftlh";
  public static final String SHEET_MARKDOWN = "sheet.md.ftl";

  private final Configuration configuration;

  public ReportRenderer(Path templateFolder) throws InputException {
    configuration = new Configuration(Configuration.VERSION_2_3_33);
    TemplateLoader loader;
    if (templateFolder == null) {
      loader = new ClassTemplateLoader(ReportRenderer.class, "/templates");
    } else if (!Files.isDirectory(templateFolder)) {
      // a typo must not silently fall back to the built-in look
      throw new InputException(templateFolder + ": no such templates folder (set by --templates; without it the "
          + "templates built into the grader are used)");
    } else {
      try {
        loader = new FileTemplateLoader(templateFolder.toFile());
      } catch (IOException e) {
        throw new InputException(templateFolder + ": cannot read the templates folder (set by --templates)");
      }
    }
    configuration.setTemplateLoader(loader);
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputEncoding("UTF-8");
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setRecognizeStandardFileExtensions(true); // .ftlh is HTML-escaped, .ftlx XML-escaped
    configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    configuration.setAPIBuiltinEnabled(false);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
  }

  /** Renders a feedback report; the template sees the view as {@code report}. */
  public String render(String templateName, ReportView view) throws InputException {
    return render(templateName, "report", view);
  }

  /**
   * Renders any view record with a template that sees it under {@code modelName}: "key" for a
   * {@link SolutionView}, "sheet" for a {@link SheetView}.
   */
  public String render(String templateName, String modelName, Object view) throws InputException {
    try {
      Template template = configuration.getTemplate(templateName);
      StringWriter out = new StringWriter();
      template.process(Map.of(modelName, view), out);
      String rendered = out.toString();
      return templateName.endsWith(".ftlx") ? Characters.xml(rendered)
          : templateName.endsWith(".md.ftl") ? Characters.markdown(rendered) : rendered;
    } catch (IOException e) {
      throw new InputException("template " + templateName + ": cannot load it (" + firstLine(e.getMessage()) + ")");
    } catch (TemplateException e) {
      throw new InputException("template " + templateName + ": " + firstLine(e.getMessageWithoutStackTop()));
    }
  }

  private static String firstLine(String message) {
    return message == null ? "unknown error" : message.strip().lines().findFirst().orElse("unknown error");
  }
}
