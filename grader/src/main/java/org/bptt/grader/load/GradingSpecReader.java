package org.bptt.grader.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bptt.grader.error.InputException;
import org.bptt.grader.grading.GradingSpec;
import org.bptt.grader.grading.Tolerance;
import org.bptt.grader.yaml.YamlMap;
import org.bptt.grader.yaml.YamlNode;
import org.bptt.grader.yaml.YamlScalar;

/**
 * Reads an exercise's optional {@code grading:} block:
 * <pre>
 * grading:
 *   tolerance: {as_written: 4}            # or {decimals: 4}, {significant: 3}, {relative: 1e-3, absolute: 1e-4}
 *   overrides:
 *     "L_after[n]": {significant: 3}
 *   carried_forward_credit: 1.0
 *   given_decimals: 4                     # the precision the sheet's given values are exact to
 *   reveal: hints                         # what students see by default: score, verdicts, hints or full
 * </pre>
 */
final class GradingSpecReader {

  private GradingSpecReader() {}

  static GradingSpec read(Optional<YamlNode> node) throws InputException {
    if (node.isEmpty()) {
      return GradingSpec.defaults();
    }
    YamlMap map = node.get().asMap("grading");
    map.allowOnly("grading", List.of("tolerance", "overrides", "carried_forward_credit", "given_decimals", "reveal"));
    Tolerance tolerance = map.optional("tolerance").isPresent()
        ? readTolerance(map.require("tolerance", "grading"), "grading.tolerance")
        : GradingSpec.DEFAULT_TOLERANCE;
    List<GradingSpec.Override> overrides = new ArrayList<>();
    if (map.optional("overrides").isPresent()) {
      YamlMap overrideMap = map.require("overrides", "grading").asMap("grading.overrides");
      for (String pattern : overrideMap.keys()) {
        overrides.add(new GradingSpec.Override(pattern,
            readTolerance(overrideMap.require(pattern, "grading.overrides"), "grading.overrides." + pattern)));
      }
    }
    double credit = 1.0;
    if (map.optional("carried_forward_credit").isPresent()) {
      YamlScalar creditNode = map.require("carried_forward_credit", "grading").asScalar("grading.carried_forward_credit");
      credit = creditNode.asDouble("grading.carried_forward_credit");
      if (credit < 0 || credit > 1) {
        throw new InputException(creditNode.location(), "grading.carried_forward_credit: expected 0 to 1, got "
            + creditNode.text());
      }
    }
    return new GradingSpec(tolerance, overrides, credit);
  }

  /** The optional {@code grading.reveal}: how much students see of their grading by default; "full" without it. */
  static String reveal(Optional<YamlNode> node) throws InputException {
    if (node.isEmpty() || !(node.get() instanceof YamlMap map) || map.optional("reveal").isEmpty()) {
      return ExerciseDefinition.FULL_REVEAL;
    }
    YamlScalar scalar = map.require("reveal", "grading").asScalar("grading.reveal");
    String level = scalar.asString("grading.reveal");
    if (!ExerciseDefinition.REVEAL_LEVELS.contains(level)) {
      throw new InputException(scalar.location(), "grading.reveal: expected one of "
          + String.join(", ", ExerciseDefinition.REVEAL_LEVELS) + ", got '" + org.bptt.grader.error.ErrorLine.quote(level)
          + "'");
    }
    return level;
  }

  /** The optional {@code grading.given_decimals}: how many decimals the sheet's given values are exact to. */
  static java.util.OptionalInt givenDecimals(Optional<YamlNode> node) throws InputException {
    if (node.isEmpty() || !(node.get() instanceof YamlMap map) || map.optional("given_decimals").isEmpty()) {
      return java.util.OptionalInt.empty();
    }
    YamlScalar scalar = map.require("given_decimals", "grading").asScalar("grading.given_decimals");
    int decimals = scalar.asInt("grading.given_decimals");
    if (decimals < 0 || decimals > 12) {
      throw new InputException(scalar.location(), "grading.given_decimals: expected 0 to 12, got " + decimals);
    }
    return java.util.OptionalInt.of(decimals);
  }

  static Tolerance readTolerance(YamlNode node, String what) throws InputException {
    YamlMap map = node.asMap(what);
    map.allowOnly(what, List.of("as_written", "decimals", "significant", "relative", "absolute"));
    try {
      if (map.optional("as_written").isPresent() && map.keys().size() == 1) {
        return new Tolerance.AsWritten(map.require("as_written", what).asScalar(what).asInt(what + ".as_written"));
      }
      if (map.optional("decimals").isPresent() && map.keys().size() == 1) {
        return new Tolerance.DecimalPlaces(map.require("decimals", what).asScalar(what).asInt(what + ".decimals"));
      }
      if (map.optional("significant").isPresent() && map.keys().size() == 1) {
        return new Tolerance.SignificantFigures(
            map.require("significant", what).asScalar(what).asInt(what + ".significant"));
      }
      if (map.optional("decimals").isEmpty() && map.optional("significant").isEmpty()
          && map.optional("as_written").isEmpty()) {
        double relative = map.optional("relative").isPresent()
            ? map.require("relative", what).asScalar(what).asDouble(what + ".relative") : 0;
        double absolute = map.optional("absolute").isPresent()
            ? map.require("absolute", what).asScalar(what).asDouble(what + ".absolute") : 0;
        return new Tolerance.Relative(relative, absolute);
      }
    } catch (IllegalArgumentException e) {
      throw new InputException(node.location(), what + ": " + e.getMessage());
    }
    throw new InputException(node.location(),
        what + ": expected one of {decimals: N}, {significant: N} or {relative: R, absolute: A}");
  }
}
