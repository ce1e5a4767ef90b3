package org.bptt.grader.exercise;

import java.util.HashSet;
import java.util.List;
import org.bptt.grader.value.Tensor;

/** The symbols of a character-level exercise, in one-hot order. */
public record Vocabulary(List<String> symbols) {

  public Vocabulary {
    symbols = List.copyOf(symbols);
    if (symbols.size() < 2) {
      throw new IllegalArgumentException("vocabulary: expected at least 2 symbols, got " + symbols.size());
    }
    if (new HashSet<>(symbols).size() != symbols.size()) {
      throw new IllegalArgumentException("vocabulary: symbols must be distinct, got " + symbols);
    }
  }

  public int size() {
    return symbols.size();
  }

  /** The 0-based position of a symbol, or -1 when it is not in the vocabulary. */
  public int indexOf(String symbol) {
    return symbols.indexOf(symbol);
  }

  public Tensor oneHot(String symbol) {
    int index = indexOf(symbol);
    if (index < 0) {
      throw new IllegalArgumentException("vocabulary: '" + symbol + "' is not one of " + symbols);
    }
    return Tensor.oneHot(symbols.size(), index);
  }

  public String symbol(int index) {
    return symbols.get(index);
  }
}
