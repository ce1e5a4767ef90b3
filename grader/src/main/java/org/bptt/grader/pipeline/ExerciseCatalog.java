package org.bptt.grader.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
import org.bptt.grader.error.UsageException;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.load.SubmissionLoader;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlReader;

/**
 * The exercises of a folder, found by id. Only the ids are read up front; an exercise is loaded,
 * solved and prepared the first time a submission names it, then reused for the rest of the class;
 * a randomized exercise's variants, one per student, are prepared as they come and not kept.
 */
final class ExerciseCatalog {

  private final Path folder;
  private final Double carriedForwardCredit;
  private final Map<String, Path> files = new TreeMap<>();
  private final Map<String, PreparedExercise> prepared = new HashMap<>();
  private final Map<String, ExerciseTemplate> templates = new HashMap<>();
  private PreparedExercise lastVariant;
  private String lastVariantExercise;

  ExerciseCatalog(Path folder, Double carriedForwardCredit) throws InputException {
    this.folder = folder;
    this.carriedForwardCredit = carriedForwardCredit;
    if (!Files.isDirectory(folder)) {
      throw new InputException(folder + ": no such exercises folder (set by --exercises; the default is exercises "
          + "in the working directory)");
    }
    List<Path> yamlFiles;
    try (Stream<Path> listing = Files.list(folder)) {
      yamlFiles = listing.filter(path -> path.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new InputException(folder + ": cannot list the exercises folder");
    }
    YamlReader reader = new YamlReader();
    Map<String, Location> seen = new HashMap<>();
    for (Path file : yamlFiles) {
      YamlMap root = reader.read(file, file.toString()).asDocument("exercise");
      String id = root.require("id", "exercise").asScalar("id").asString("id");
      if (seen.containsKey(id)) {
        throw new InputException(root.keyLocation("id"), "id: '" + id + "' is also the id of " + seen.get(id).file());
      }
      seen.put(id, root.keyLocation("id"));
      files.put(id, file);
    }
  }

  /** The exercise file with this id, read once. */
  ExerciseTemplate template(String id, Location where) throws InputException {
    ExerciseTemplate template = templates.get(id);
    if (template != null) {
      return template;
    }
    Path file = files.get(id);
    if (file == null) {
      throw new InputException(where, "exercise: no exercise with id '" + id + "' in " + folder
          + " (known: " + String.join(", ", files.keySet()) + ")");
    }
    template = new ExerciseLoader().loadTemplate(file, file.toString());
    templates.put(id, template);
    return template;
  }

  /**
   * The exercise a submission names, prepared; for a randomized exercise, the submission's variant,
   * once it is shown to be the one generated for this student: a variant copied from someone else's
   * answer file is rejected.
   */
  PreparedExercise forSubmission(SubmissionLoader.Header header, String salt) throws InputException, UsageException {
    ExerciseTemplate template = template(header.exerciseId(), header.exerciseLocation());
    if (!template.isRandomized()) {
      return prepared(template.id(), null, template);
    }
    if (header.variant() == null) {
      throw new InputException(header.exerciseLocation(), "exercise " + template.id() + " gives every student their "
          + "own variant, but this submission records none (use the answer file 'generate' wrote for you)");
    }
    if (salt == null) {
      throw new UsageException("exercise " + template.id() + " is randomized: pass --salt (or set "
          + GraderPipeline.SALT_VARIABLE + ") to the course salt that generate used");
    }
    String expected = ExerciseTemplate.variantId(template.id(), header.student(), salt);
    if (!expected.equals(header.variant())) {
      throw new InputException(header.variantLocation(), "variant: '" + header.variant() + "' does not belong to "
          + "student " + header.student() + " (each student's variant is derived from their id and the course salt)");
    }
    return prepared(template.id(), header.variant(), template);
  }

  private PreparedExercise prepared(String id, String variantId, ExerciseTemplate template) throws InputException {
    if (variantId != null) {
      // every student has a variant of their own: keeping them all would grow with the class, so only the
      // last one is kept (a second file of the same student is refused anyway)
      if (lastVariant == null || !variantId.equals(lastVariant.variantId()) || !id.equals(lastVariantExercise)) {
        lastVariant = PreparedExercise.prepare(GraderPipeline.variant(template, variantId), variantId,
            carriedForwardCredit);
        lastVariantExercise = id;
      }
      return lastVariant;
    }
    PreparedExercise cached = prepared.get(id);
    if (cached != null) {
      return cached;
    }
    PreparedExercise result = PreparedExercise.prepare(GraderPipeline.definition(template), null, carriedForwardCredit);
    prepared.put(id, result);
    return result;
  }
}
