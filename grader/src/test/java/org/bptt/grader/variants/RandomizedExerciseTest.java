package org.bptt.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.bptt.grader.error.InputException;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.ReferenceSolver;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.pipeline.GraderPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-student variants: reproducible, different between students, and every one meets its constraints. */
class RandomizedExerciseTest {

  static final Path VARIANTS = Path.of("exercises/seed-000-variants.yaml");

  static ExerciseTemplate template() throws InputException {
    return new ExerciseLoader().loadTemplate(VARIANTS, VARIANTS.toString());
  }

  @Test
  void theSameStudentAndSaltAlwaysGetTheSameVariant() throws InputException {
    String id = ExerciseTemplate.variantId("seed-000-variants", "alice", "fall-2026");
    assertEquals(id, ExerciseTemplate.variantId("seed-000-variants", "alice", "fall-2026"));
    Exercise first = GraderPipeline.variant(template(), id).exercise();
    Exercise second = GraderPipeline.variant(template(), id).exercise();
    assertEquals(first.parameters(), second.parameters());
    assertEquals(first.sequences(), second.sequences());
    assertEquals(first.training().learningRate(), second.training().learningRate());
  }

  @Test
  void differentStudentsAndSaltsGetDifferentVariants() throws InputException {
    ExerciseTemplate template = template();
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Exercise exercise = GraderPipeline.variant(template, ExerciseTemplate.variantId(template.id(), "student" + i, "fall-2026"))
          .exercise();
      distinct.add(exercise.parameters().toString() + exercise.sequences());
    }
    assertTrue(distinct.size() >= 18, "20 students should get (nearly) 20 different variants, got " + distinct.size());
    assertNotEquals(ExerciseTemplate.variantId("seed-000-variants", "alice", "fall-2026"),
        ExerciseTemplate.variantId("seed-000-variants", "alice", "spring-2027"));
  }

  @Test
  void everyVariantMeetsTheConstraints() throws InputException {
    ExerciseTemplate template = template();
    for (int i = 0; i < 40; i++) {
      ExerciseDefinition variant = GraderPipeline.variant(template, ExerciseTemplate.variantId(template.id(), "s" + i, "salt"));
      QuantityGraph graph = ReferenceSolver.solve(variant.exercise());
      for (int t = 1; t <= 3; t++) {
        assertTrue(((Tensor) graph.value("a[" + t + "]")).maxAbs() <= 2.5, "a[" + t + "] of variant " + i);
      }
      assertTrue(((Tensor) graph.value("norm(dh[3]/dh[1])")).scalarValue() >= 0.01, "norm(dh[3]/dh[1]) of " + i);
      for (String name : AskedQuantities.expand(variant.exercise().asked(), graph)) {
        Tensor value = (Tensor) graph.value(name);
        for (int k = 0; k < value.size(); k++) {
          assertTrue(Math.abs(value.at(k)) >= 0.5e-4, name + " rounds to 0 in variant " + i);
        }
      }
      double rate = variant.exercise().training().learningRate();
      assertTrue(rate == 0.1 || rate == 0.05, "learning rate drawn from the list: " + rate);
      double inputWeight = ((Tensor) variant.exercise().parameters().values().stream()
          .filter(p -> p.size() == 1).findFirst().orElseThrow()).at(0);
      assertTrue(Double.isFinite(inputWeight));
    }
  }

  @Test
  void drawnValuesHaveTheSheetsDecimals() throws InputException {
    ExerciseTemplate template = template();
    Exercise exercise = GraderPipeline.variant(template, ExerciseTemplate.variantId(template.id(), "bob", "salt")).exercise();
    for (Tensor value : exercise.parameters().values()) {
      for (double entry : value.toArray()) {
        assertEquals(Math.round(entry * 10) / 10.0, entry, 1e-12, "one decimal: " + entry);
      }
    }
  }

  @Test
  void constraintsThatCannotBeMetGiveAClearError(@TempDir Path folder) throws Exception {
    String text = Files.readString(VARIANTS).replace("max_preactivation: 2.5", "max_preactivation: 0.01")
        .replace("max_tries: 200", "max_tries: 25");
    Path file = folder.resolve("impossible.yaml");
    Files.writeString(file, text);
    ExerciseTemplate template = new ExerciseLoader().loadTemplate(file, "impossible.yaml");
    InputException error = assertThrows(InputException.class,
        () -> GraderPipeline.variant(template, ExerciseTemplate.variantId(template.id(), "alice", "salt")));
    assertTrue(error.getMessage().startsWith("impossible.yaml:"), error.getMessage());
    assertTrue(error.getMessage().contains("no draw met the constraints in 25 tries: a pre-activation beyond +-0.01 (25)"),
        error.getMessage());
  }

  @Test
  void aRandomSpecWhereNothingCanBeDrawnIsRejected(@TempDir Path folder) throws Exception {
    String text = Files.readString(VARIANTS).replace("  epochs: 1", "  epochs: {random: {choose: [1, 2]}}");
    Path file = folder.resolve("bad.yaml");
    Files.writeString(file, text);
    ExerciseTemplate template = new ExerciseLoader().loadTemplate(file, "bad.yaml");
    InputException error = assertThrows(InputException.class, () -> GraderPipeline.variant(template, "0123456789abcdef"));
    assertTrue(error.getMessage().contains("only parameters, inputs, targets and the learning rate can be drawn"),
        error.getMessage());
  }
}
