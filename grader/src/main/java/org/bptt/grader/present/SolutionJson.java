package org.bptt.grader.present;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/** The solution as JSON: {"exercise": ID, "quantities": {NAME: VALUE}}, in computation order. */
public final class SolutionJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SolutionJson() {}

  public static String render(Exercise exercise, QuantityGraph graph) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("exercise", exercise.id());
    ObjectNode quantities = root.putObject("quantities");
    for (Quantity quantity : graph.quantities()) {
      quantities.set(quantity.name(), toJson(graph.value(quantity.name())));
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A scalar as a number, a vector as an array, a matrix as an array of rows, a label as a string. */
  public static com.fasterxml.jackson.databind.JsonNode toJson(Value value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Label label) {
      return nodes.textNode(label.text());
    }
    Tensor tensor = (Tensor) value;
    switch (tensor.shape().kind()) {
      case SCALAR:
        return nodes.numberNode(tensor.scalarValue() + 0.0); // + 0.0 turns -0.0 into 0.0
      case VECTOR: {
        ArrayNode array = nodes.arrayNode();
        for (double entry : tensor.toArray()) {
          array.add(entry + 0.0);
        }
        return array;
      }
      default: {
        ArrayNode rows = nodes.arrayNode();
        for (double[] row : tensor.toRows()) {
          ArrayNode array = rows.addArray();
          for (double entry : row) {
            array.add(entry + 0.0);
          }
        }
        return rows;
      }
    }
  }
}
