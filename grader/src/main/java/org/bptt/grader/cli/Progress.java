package org.bptt.grader.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on standard error, for a class that takes a while: on a terminal one line
 * rewritten in place, about every hundredth file; elsewhere (with {@code --progress}) a line every
 * tenth of the way, so a CI log stays short. Off by default when standard error is not a terminal.
 */
final class Progress {

  private final PrintWriter err;
  private final int total;
  private final boolean terminal;
  private final int every;
  private int done;
  private int rejected;

  private Progress(PrintWriter err, int total, boolean terminal) {
    this.err = err;
    this.total = total;
    this.terminal = terminal;
    this.every = Math.max(1, total / (terminal ? 100 : 10));
  }

  /** A progress line when asked for, or when the grader runs in a terminal; else null. */
  static Progress of(PrintWriter err, int total, boolean asked) {
    boolean terminal = System.console() != null;
    return asked || terminal ? new Progress(err, total, terminal) : null;
  }

  void step(boolean wasRejected) {
    done++;
    rejected += wasRejected ? 1 : 0;
    if (done % every == 0 || done == total) {
      String line = String.format(Locale.ROOT, "graded %d of %d files (%d%%)%s", done, total, 100L * done / total,
          rejected == 0 ? "" : ", " + rejected + " rejected");
      err.print(terminal ? "\r" + line + (done == total ? "\n" : "") : line + "\n");
      err.flush();
    }
  }

  /** Ends a line left open on a terminal, before an error is printed under it. */
  void interrupt() {
    if (terminal && done < total && done > 0) {
      err.print("\n");
      err.flush();
    }
  }
}
