package org.bptt.grader.cli;

import java.io.PrintWriter;
import org.bptt.grader.error.GraderException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. Every command returns its exit code: 0 all correct, 1 some answers not
 * correct, 2 bad input or usage. Errors are caught here once and printed as one line.
 */
@Command(
    name = "grader",
    mixinStandardHelpOptions = true,
    version = "bptt-grader 0.1.0",
    description = "Solves and grades by-hand backpropagation-through-time exercises.",
    subcommands = {SolveCommand.class, GradeCommand.class, TemplateCommand.class, GenerateCommand.class,
        BenchCommand.class})
public final class GraderCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: solve, grade, template or generate");
  }

  public static void main(String[] arguments) {
    System.exit(execute(arguments, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code; never throws. */
  public static int execute(String[] arguments, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new GraderCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      if (exception instanceof GraderException failure) {
        err.println("error: " + failure.getMessage());
        err.flush();
        return failure.exitCode();
      }
      err.println("internal error: " + exception.getClass().getSimpleName() + ": " + exception.getMessage()
          + " (please report this with the input that caused it)");
      err.flush();
      return 3;
    });
    commandLine.setParameterExceptionHandler((exception, args) -> {
      err.println("usage error: " + exception.getMessage());
      err.println("run with --help for usage");
      err.flush();
      return 2;
    });
    int code = commandLine.execute(arguments);
    out.flush();
    err.flush();
    return code;
  }
}
