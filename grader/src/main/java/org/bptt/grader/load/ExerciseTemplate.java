package org.bptt.grader.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.bptt.grader.error.InputException;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlNode;
import org.bptt.grader.yaml.YamlScalar;

/**
 * An exercise file that may draw its given values at random, one variant per student. A variant
 * is named by a 16-hex-digit id derived from the exercise id, the student id and the course salt;
 * the same id always draws the same values. Draws are repeated (rejection sampling, at most
 * {@code max_tries}) until the variant meets the file's {@code variants:} constraints:
 * <pre>
 * variants:
 *   max_preactivation: 2.5     # every entry of every a[t] within +-2.5, so tanh stays out of saturation
 *   min_jacobian_norm: 0.05    # norm(dh[T]/dh[1]) at least this: no gradient vanishing below it
 *   nonzero_decimals: 4        # no asked entry rounds to 0 at this many decimals (default: the sheet's)
 *   max_tries: 200
 * </pre>
 * and every asked quantity is gradable (it does not depend on digits the sheet never prints).
 */
public final class ExerciseTemplate {

  private final ExerciseLoader loader;
  private final YamlMap root;
  private final String id;
  private final boolean randomized;
  private final YamlMap variants;

  ExerciseTemplate(ExerciseLoader loader, YamlMap root) throws InputException {
    this.loader = loader;
    this.root = root;
    this.id = root.require("id", "exercise").asScalar("id").asString("id");
    this.randomized = RandomDraw.hasSpecs(root);
    Optional<YamlNode> block = root.optional("variants");
    this.variants = block.isPresent() ? block.get().asMap("variants") : null;
    if (variants != null) {
      variants.allowOnly("variants", List.of("max_preactivation", "min_jacobian_norm", "nonzero_decimals", "max_tries"));
    }
  }

  public String id() {
    return id;
  }

  public boolean isRandomized() {
    return randomized;
  }

  /** The id of a student's variant: the first 16 hex digits of SHA-256(exercise, student, salt). */
  public static String variantId(String exerciseId, String student, String salt) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((exerciseId + '\u0000' + student + '\u0000' + salt).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The exercise as written; fails for a randomized file, whose variants need a {@link VariantCheck}. */
  public ExerciseDefinition definition() throws InputException {
    if (randomized) {
      throw new IllegalStateException("exercise " + id + " is randomized: draw its variants with a VariantCheck");
    }
    return loader.fromYaml(root);
  }

  /** The exercise as written; for a randomized file, its preview variant (no student, no salt). */
  public ExerciseDefinition definition(VariantCheck check) throws InputException {
    return randomized ? variant(variantId(id, "", ""), check) : loader.fromYaml(root);
  }

  /**
   * The variant with this id: the first draw, from the id's random stream, that {@code check}
   * finds meets the constraints.
   */
  public ExerciseDefinition variant(String variantId, VariantCheck check) throws InputException {
    if (!randomized) {
      return loader.fromYaml(root);
    }
    if (!variantId.matches("[0-9a-f]{16}")) {
      throw new InputException(root.location(), "variant: expected 16 hex digits, got '" + variantId + "'");
    }
    ModelSpec model = ExerciseLoader.readModel(root.require("model", "exercise").asMap("model"));
    RandomGenerator random = new Well19937c(Long.parseUnsignedLong(variantId, 16));
    int tries = intSetting("max_tries", DEFAULT_TRIES, MAX_TRIES);
    Map<String, Integer> rejections = new LinkedHashMap<>();
    for (int attempt = 0; attempt < tries; attempt++) {
      YamlMap drawn = new RandomDraw(random, model).draw(root);
      ExerciseDefinition candidate = loader.fromYaml(drawn);
      if (attempt == 0) {
        tries = affordableTries(candidate, tries);
      }
      String problem = check.violation(candidate, constraints(candidate));
      if (problem == null) {
        return candidate;
      }
      rejections.merge(problem, 1, Integer::sum);
    }
    StringBuilder reasons = new StringBuilder();
    rejections.forEach((reason, count) -> reasons.append(reasons.length() == 0 ? "" : "; ").append(reason)
        .append(" (").append(count).append(")"));
    throw new InputException(variants == null ? root.location() : variants.location(),
        "variants: no draw met the constraints in " + tries + " tries: " + reasons
            + "; widen the ranges or relax the constraints");
  }

  /** The constraints of the {@code variants:} block for one candidate (the default precision is the candidate's). */
  private VariantCheck.Constraints constraints(ExerciseDefinition candidate) throws InputException {
    return new VariantCheck.Constraints(doubleSetting("max_preactivation", Double.POSITIVE_INFINITY),
        doubleSetting("min_jacobian_norm", 0),
        intSetting("nonzero_decimals", GivenPrecision.sheetDecimals(candidate.grading().defaultTolerance()), 15));
  }

  private double doubleSetting(String key, double fallback) throws InputException {
    if (variants == null || variants.optional(key).isEmpty()) {
      return fallback;
    }
    YamlScalar node = variants.require(key, "variants").asScalar("variants." + key);
    double value = node.asDouble("variants." + key);
    if (value < 0) {
      throw new InputException(node.location(), "variants." + key + ": expected a number >= 0, got " + node.text());
    }
    return value;
  }

  /**
   * The most draws a variants block may ask for: each draw of the smallest exercise is solved and
   * checked in 5 to 10 ms on a 2-core machine, so an unsatisfiable block fails in a few seconds per
   * student (1000 draws took 6 s of CPU). Larger exercises get fewer ({@link #MAX_DRAW_WORK}). See
   * grader/bench/limits.sh.
   */
  public static final int MAX_TRIES = 300;
  static final int DEFAULT_TRIES = 200;
  /**
   * The work all the draws of one variant may cost together, in units of {@link #drawCost} (10 to
   * 30 microseconds each on a 2-core machine), so that an unsatisfiable block fails within a few
   * seconds whatever the exercise's size.
   */
  public static final long MAX_DRAW_WORK = 150_000;

  /**
   * What solving and checking one draw costs, estimated from its shape: per step of all sequences,
   * 150 units (the solve and the perturbed solves of the rounding budgets), a quarter unit per
   * weight a step multiplies, and two per update of the longest training run asked for.
   */
  public static long drawCost(org.bptt.grader.exercise.Exercise exercise) {
    ModelSpec model = exercise.model();
    long perStep = 150 + (long) model.hiddenSize() * (model.hiddenSize() + model.inputSize() + model.outputSize()) / 4
        + 2L * exercise.training().reportLossAfter().stream().mapToInt(Integer::intValue).max().orElse(0);
    return ExerciseLoader.totalSteps(exercise.sequences()) * perStep;
  }

  /**
   * The tries this exercise can afford within {@link #MAX_DRAW_WORK}: an explicit {@code
   * max_tries} beyond that is an error that says how many fit, the default shrinks to fit.
   */
  private int affordableTries(ExerciseDefinition first, int asked) throws InputException {
    int affordable = (int) Math.max(1, Math.min(MAX_TRIES, MAX_DRAW_WORK / drawCost(first.exercise())));
    if (asked <= affordable) {
      return asked;
    }
    if (variants != null && variants.optional("max_tries").isPresent()) {
      throw new InputException(variants.optional("max_tries").get().location(), "variants.max_tries: at most "
          + affordable + " draws of an exercise this size (each is solved and checked), got " + asked);
    }
    return affordable;
  }

  private int intSetting(String key, int fallback, int largest) throws InputException {
    if (variants == null || variants.optional(key).isEmpty()) {
      return fallback;
    }
    YamlScalar node = variants.require(key, "variants").asScalar("variants." + key);
    int value = node.asInt("variants." + key);
    if (value < 1 || value > largest) {
      throw new InputException(node.location(), "variants." + key + ": expected 1 to " + largest + ", got " + value);
    }
    return value;
  }
}
