package org.bptt.grader.present;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Label;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * The solution as JSON: {"exercise": ID, "quantities": {NAME: VALUE}}, in computation order, indented
 * by Jackson's default pretty printer. {@link #write} streams it (jackson-core alone, no tree and no
 * string of the whole document: the largest exercise's JSON is tens of MB).
 */
public final class SolutionJson {

  /** The writer belongs to the caller: closing the generator flushes it but does not close it. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private SolutionJson() {}

  /** The whole document as a string; {@link #write} for large graphs. */
  public static String render(Exercise exercise, QuantityGraph graph) {
    StringWriter out = new StringWriter();
    try {
      write(exercise, graph, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
    return out.toString();
  }

  /**
   * Writes the document and a final newline to {@code out} and flushes it. Every value is computed
   * before the first character is written, so a failure leaves no partial document.
   */
  public static void write(Exercise exercise, QuantityGraph graph, Writer out) throws IOException {
    List<Quantity> quantities = graph.quantities();
    for (Quantity quantity : quantities) {
      graph.value(quantity.name());
    }
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("exercise", exercise.id());
      json.writeObjectFieldStart("quantities");
      for (Quantity quantity : quantities) {
        json.writeFieldName(quantity.name());
        write(json, graph.value(quantity.name()));
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  /** As {@link #toJson}, streamed. */
  private static void write(JsonGenerator json, Value value) throws IOException {
    if (value instanceof Label label) {
      json.writeString(label.text());
      return;
    }
    Tensor tensor = (Tensor) value;
    switch (tensor.shape().kind()) {
      case SCALAR:
        json.writeNumber(tensor.scalarValue() + 0.0); // + 0.0 turns -0.0 into 0.0
        return;
      case VECTOR:
        writeArray(json, tensor.toArray());
        return;
      default:
        json.writeStartArray();
        for (double[] row : tensor.toRows()) {
          writeArray(json, row);
        }
        json.writeEndArray();
    }
  }

  private static void writeArray(JsonGenerator json, double[] entries) throws IOException {
    json.writeStartArray();
    for (double entry : entries) {
      json.writeNumber(entry + 0.0);
    }
    json.writeEndArray();
  }

  /** A scalar as a number, a vector as an array, a matrix as an array of rows, a label as a string. */
  public static com.fasterxml.jackson.databind.JsonNode toJson(Value value) {
    return Tree.toJson(value);
  }

  /**
   * The tree form, for grade --format json. A class of its own: verifying its methods loads
   * jackson-databind classes, which {@link #write} does not need.
   */
  private static final class Tree {

    private Tree() {}

    static com.fasterxml.jackson.databind.JsonNode toJson(Value value) {
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
}
