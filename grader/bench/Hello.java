/** The baseline of the whole-process benchmark: a JVM that starts, prints a line and exits. */
public class Hello {
  public static void main(String[] args) {
    System.out.println("Hello, world");
  }
}
