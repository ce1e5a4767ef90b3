package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bptt.grader.TestExercises;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Quantity names are read into typed identities once and printed back the same. */
class QuantityIdTest {

  static List<Path> exercises() {
    return TestExercises.all();
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void everyNameOfEveryExerciseReadsAndPrintsBack(Path file) {
    QuantityGraph graph = ReferenceSolver.solve(TestExercises.load(file.getFileName().toString()));
    for (String name : graph.names()) {
      QuantityId id = QuantityId.parse(name).orElseThrow(() -> new AssertionError("cannot read " + name));
      assertEquals(name, id.toString());
      assertEquals(id, graph.quantity(name).orElseThrow().id());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "h[3]|PLAIN|0|HIDDEN||3|0",
      "s2.dL/dW_hh[1]|PLAIN|2|CONTRIBUTION|W_hh|1|0",
      "updated.s1.L|UPDATED|1|LOSS||0|0",
      "norm(s3.dh[5]/dh[2])|PLAIN|3|JACOBIAN_NORM||5|2",
      "s1.local.dh[2]/dW_xh|LOCAL|1|SENSITIVITY|W_xh|2|0",
      "dL[2]/db_y|PLAIN|0|STEP_LOSS_GRADIENT|b_y|2|0",
      "dL/dh0|PLAIN|0|GRADIENT|h0|0|0",
      "dL/dh[4]|PLAIN|0|HIDDEN_ERROR||4|0",
      "clipped.dL/dW_hy|CLIPPED|0|GRADIENT|W_hy|0|0",
      "L_after[1000]|PLAIN|0|LOSS_AFTER||1000|0",
      "gradient_norm|PLAIN|0|GRADIENT_NORM||0|0",
      "c[3]|PLAIN|0|CELL|c|3|0",
      "updated.og[2]|UPDATED|0|CELL|og|2|0",
      "s2.dL/da_i[1]|PLAIN|2|CELL_ERROR|a_i|1|0",
      "dL/dc0|PLAIN|0|GRADIENT|c0|0|0",
      "dL/dW_hn[2]|PLAIN|0|CONTRIBUTION|W_hn|2|0",
      "norm(d(h,c)[5]/d(h,c)[2])|PLAIN|0|STATE_JACOBIAN_NORM||5|2",
      "norm2(s1.d(h,c)[5]/d(h,c)[0])|PLAIN|1|STATE_JACOBIAN_SPECTRAL_NORM||5|0",
      "local.d(h,c)[2]/dW_xf|LOCAL|0|STATE_SENSITIVITY|W_xf|2|0"})
  void namesReadIntoTheirParts(String name, QuantityId.Scope scope, int sequence, QuantityId.Role role,
      String parameter, int step, int earlier) {
    assertEquals(new QuantityId(scope, sequence, role, parameter, step, earlier), QuantityId.parse(name).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "h[", "h[]", "h[t]", "h[-1]", "s0.h[1]", "s.h[1]", "dL/d", "norm(h[1])",
      "updated.local.dh[1]/dW_xh", "h[1]x", "dh[2]/d", "L_after", "dL[2]/d", "norm(dh[2]/dh[1]", "og", "c",
      "d(h,c)[2]/d", "norm(c[2])", "d(h,c)[2]/dh[1]"})
  void malformedNamesAreNotNames(String text) {
    assertFalse(QuantityId.parse(text).isPresent(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h[t]", "dL/dW_hh[k]", "norm(dh[T]/dh[k])", "s2.dL/da[t]", "L_after[n]", "dh[T]/dh[1]"})
  void patternsReadWithWildcards(String text) {
    QuantityId pattern = QuantityId.parsePattern(text).orElseThrow();
    assertTrue(pattern.hasWildcard(), text);
    assertEquals(text.replace("[k]", "[t]").replace("[n]", "[t]"), pattern.toString());
  }

  @ParameterizedTest
  @CsvSource({"dL/da[6], dL/da[t+1]", "h[4], h[t-1]", "W_xh, W_xh", "dh[5]/dh[4], dh[t]/dh[t-1]"})
  void stepsCanBeWrittenSymbolically(String name, String symbolic) {
    String written = QuantityId.parse(name).orElseThrow()
        .toString(step -> "[" + (step == 5 ? "t" : step > 5 ? "t+" + (step - 5) : "t-" + (5 - step)) + "]");
    assertEquals(symbolic, written);
  }
}
