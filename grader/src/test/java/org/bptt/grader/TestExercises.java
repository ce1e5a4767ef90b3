package org.bptt.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bptt.grader.error.GraderException;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.pipeline.GraderPipeline;

/** Loads the project's exercise files for tests (tests run from the project root). */
public final class TestExercises {

  public static final Path FOLDER = Path.of("exercises");

  private TestExercises() {}

  /** An exercise file as the command line loads it (a randomized one's preview variant). */
  public static Exercise load(String fileName) {
    try {
      return GraderPipeline.loadExercise(FOLDER.resolve(fileName), null, null).exercise();
    } catch (GraderException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  public static List<Path> all() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new AssertionError("cannot list " + FOLDER, e);
    }
  }
}
