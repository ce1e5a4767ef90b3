package org.bptt.grader.cli;

import java.io.PrintWriter;
import java.util.List;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.GraderException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. Every command returns its exit code: 0 all correct, 1 some answers not
 * correct, 2 bad input or usage. Errors are caught here once and printed as one line.
 *
 * <p>The subcommands are added in {@link #execute}, not listed in {@code @Command}: picocli builds a
 * command's model by reflection when it is added, so a run that names its command first (every
 * ordinary run) builds that command alone; anything else ({@code --help}, no command, an unknown
 * word) gets all of them, in the order {@code --help} lists them.
 */
@Command(
    name = "grader",
    mixinStandardHelpOptions = true,
    version = "bptt-grader 0.1.0",
    description = "Solves and grades by-hand backpropagation-through-time exercises.")
public final class GraderCommand implements Runnable {

  /** The subcommands' names, in the order {@code grader --help} lists them. */
  static final List<String> COMMANDS = List.of("solve", "grade", "template", "generate", "bench");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: solve, grade, template or generate");
  }

  public static void main(String[] arguments) {
    // UTF-8 whatever the locale: a key's ·, − and ŷ must not turn into '?' under LANG=C
    System.exit(execute(arguments,
        new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true)));
  }

  /**
   * picocli's message, except where it would name a Java class: a file name the locale cannot
   * represent (a name with é under LANG=C) gets a sentence that says what to do.
   */
  private static String usageMessage(CommandLine.ParameterException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      // picocli keeps the conversion's exception only as text in its message
      if (cause instanceof java.nio.file.InvalidPathException
          || String.valueOf(cause.getMessage()).contains("InvalidPathException")) {
        return "a file name cannot be read in this locale (" + System.getProperty("sun.jnu.encoding")
            + "); run with a UTF-8 locale, for example LC_ALL=C.UTF-8, or use grader/bin/grader";
      }
    }
    String message = exception.getMessage();
    return message == null ? "invalid arguments" : message.replaceAll("\\(java\\.[\\w.]+Exception: [^)]*\\)", "")
        .replaceAll("java\\.[\\w.]+\\.(\\w+)", "$1");
  }

  /** Runs the command line with the given streams and returns the exit code; never throws. */
  public static int execute(String[] arguments, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new GraderCommand());
    // Before the settings below: picocli applies them to the subcommands added so far.
    if (arguments.length > 0 && COMMANDS.contains(arguments[0])) {
      commandLine.addSubcommand(subcommand(arguments[0]));
    } else {
      for (String name : COMMANDS) {
        commandLine.addSubcommand(subcommand(name));
      }
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      if (exception instanceof GraderException failure) {
        err.println(ErrorLine.of("error: " + failure.getMessage()));
        err.flush();
        return failure.exitCode();
      }
      err.println(ErrorLine.of("internal error: " + exception.getClass().getSimpleName() + ": " + exception.getMessage()
          + " (please report this with the input that caused it)"));
      err.flush();
      return 3;
    });
    commandLine.setParameterExceptionHandler((exception, args) -> {
      err.println(ErrorLine.of("usage error: " + usageMessage(exception) + " (run with --help for usage)"));
      err.flush();
      return 2;
    });
    int code = commandLine.execute(arguments);
    out.flush();
    err.flush();
    return code;
  }

  /** A new instance of the named subcommand; a switch, so that only its class is loaded. */
  private static Object subcommand(String name) {
    return switch (name) {
      case "solve" -> new SolveCommand();
      case "grade" -> new GradeCommand();
      case "template" -> new TemplateCommand();
      case "generate" -> new GenerateCommand();
      case "bench" -> new BenchCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }
}
