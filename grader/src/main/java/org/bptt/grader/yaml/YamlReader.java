package org.bptt.grader.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bptt.grader.error.ErrorLine;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML (or JSON) file into a tree of located nodes with Jackson's streaming parser. It
 * guards what a student controls: the file size, the nesting depth, alias expansion, and
 * duplicate keys (which YAML parsers usually resolve silently, last one wins).
 */
public final class YamlReader {

  /** Exercise and submission files are a few KB; anything past this is not one. */
  public static final long MAX_BYTES = 1 << 20;

  public static final int MAX_DEPTH = 20;

  private final YAMLFactory factory;

  public YamlReader() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH + 5);
    options.setMaxAliasesForCollections(10);
    options.setAllowDuplicateKeys(true); // detected below, with the line of the second occurrence
    factory = YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 5).build())
        .build();
  }

  /** Reads a file; {@code displayName} is how errors name it (the path as the user gave it). */
  public YamlNode read(Path file, String displayName) throws InputException {
    return parse(TextFiles.read(file, displayName, MAX_BYTES), displayName);
  }

  /** Parses YAML text. */
  public YamlNode parse(String text, String displayName) throws InputException {
    if (text.length() > MAX_BYTES) {
      throw new InputException(displayName + ": document is larger than " + MAX_BYTES + " characters");
    }
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputException(new Location(displayName, 1, 1), "the file is empty, expected a YAML mapping");
      }
      YamlNode root = readValue(parser, displayName, 0);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        throw new InputException(locate(parser.currentTokenLocation(), displayName),
            "expected a single YAML document, found more after the first");
      }
      return root;
    } catch (JsonProcessingException e) {
      org.yaml.snakeyaml.error.MarkedYAMLException marked = markedCause(e);
      if (marked != null && marked.getProblemMark() != null) {
        // SnakeYAML knows where the problem is and what it is; Jackson's message leads with the context.
        throw new InputException(new Location(displayName, marked.getProblemMark().getLine() + 1,
            marked.getProblemMark().getColumn() + 1), "not valid YAML: " + firstLine(marked.getProblem()));
      }
      JsonLocation where = e.getLocation();
      String reason = firstLine(e.getOriginalMessage());
      throw new InputException(where == null ? Location.ofFile(displayName) : locate(where, displayName),
          "not valid YAML: " + reason);
    } catch (IOException e) {
      throw new InputException(displayName + ": cannot read the document (" + ErrorLine.reason(e) + ")");
    } catch (RuntimeException e) {
      // SnakeYAML reports its limits (size, depth, aliases) as unchecked exceptions.
      throw new InputException(displayName + ": not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private static org.yaml.snakeyaml.error.MarkedYAMLException markedCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
        return marked;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.strip().lines().findFirst().orElse("unreadable");
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }

  private static Location locate(JsonLocation where, String displayName) {
    return new Location(displayName, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
  }

  private YamlNode readValue(JsonParser parser, String displayName, int depth) throws IOException, InputException {
    Location location = locate(parser.currentTokenLocation(), displayName);
    if (depth > MAX_DEPTH) {
      throw new InputException(location, "nesting deeper than " + MAX_DEPTH + " levels");
    }
    JsonToken token = parser.currentToken();
    if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new InputException(location, "YAML aliases (*" + parser.getText() + ") are not supported: write the value out");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Location> keyLocations = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Location keyLocation = locate(parser.currentTokenLocation(), displayName);
          if (entries.containsKey(key)) {
            throw new InputException(keyLocation, "duplicate key '" + key + "' (first written at line "
                + keyLocations.get(key).line() + ")");
          }
          parser.nextToken();
          entries.put(key, readValue(parser, displayName, depth + 1));
          keyLocations.put(key, keyLocation);
        }
        return new YamlMap(location, entries, keyLocations);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser, displayName, depth + 1));
        }
        return new YamlList(location, items);
      }
      case VALUE_NULL -> {
        return new YamlScalar(location, "", true);
      }
      default -> {
        return new YamlScalar(location, parser.getText(), false);
      }
    }
  }
}
