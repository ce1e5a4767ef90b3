package org.bptt.grader.load;

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
import org.bptt.grader.solver.ElmanSolver;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.RoundingSensitivity;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlReader;

/**
 * The exercises of a folder, found by id. Only the ids are read up front; an exercise is loaded
 * and solved the first time a submission names it, then reused for the rest of the class.
 */
public final class ExerciseCatalog {

  /** A loaded exercise with its solution and each quantity's sensitivity to the rounding of the given data. */
  public record Solved(ExerciseDefinition definition, QuantityGraph graph, Map<String, Double> spreads) {}

  private final Path folder;
  private final Map<String, Path> files = new TreeMap<>();
  private final Map<String, Solved> solved = new HashMap<>();
  private final Map<String, ExerciseTemplate> templates = new HashMap<>();

  public ExerciseCatalog(Path folder) throws InputException {
    this.folder = folder;
    if (!Files.isDirectory(folder)) {
      throw new InputException(folder + ": no such exercises folder");
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
      YamlMap root = reader.read(file, file.toString()).asMap("exercise");
      String id = root.require("id", "exercise").asScalar("id").asString("id");
      if (seen.containsKey(id)) {
        throw new InputException(root.keyLocation("id"), "id: '" + id + "' is also the id of " + seen.get(id).file());
      }
      seen.put(id, root.keyLocation("id"));
      files.put(id, file);
    }
  }

  /** Solves an exercise and estimates how much each quantity depends on digits the sheet never printed. */
  public static Solved solve(ExerciseDefinition definition) {
    long seed = definition.exercise().id().hashCode();
    return new Solved(definition, ElmanSolver.solve(definition.exercise()),
        RoundingSensitivity.spreads(definition.exercise(), definition.givenHalfUnits(), seed));
  }

  /** The exercise file with this id, read once. */
  public ExerciseTemplate template(String id, Location where) throws InputException {
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

  /** The exercise with this id, solved; {@code variantId} picks a randomized exercise's variant. */
  public Solved find(String id, String variantId, Location where) throws InputException {
    ExerciseTemplate template = template(id, where);
    String key = template.isRandomized() ? id + "#" + variantId : id;
    Solved cached = solved.get(key);
    if (cached != null) {
      return cached;
    }
    Solved result = solve(template.isRandomized() ? template.variant(variantId) : template.definition());
    solved.put(key, result);
    return result;
  }
}
