import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;

/**
 * The baseline for grading a class: parses every file named on the command line with Jackson's YAML
 * mapper alone (from the grader's jar) and prints how many it read. Run with the jar on the class path.
 */
public class ParseOnly {
  public static void main(String[] args) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    int files = 0;
    long nodes = 0;
    for (String arg : args) {
      JsonNode tree = mapper.readTree(new File(arg));
      nodes += tree.size();
      files++;
    }
    System.out.println(files + " files parsed (" + nodes + " top-level entries)");
  }
}
