package org.bptt.grader.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket and JSON, with the
 * JDK's HTTP client and Jackson: no driver binary, no extra dependency). One browser per test
 * class; a {@link Page} is a tab with its own window size. Started with the flags that keep it
 * off the network (the machine's network is closed, and pages must render offline anyway).
 */
final class HeadlessChromium implements AutoCloseable {

  /** The browser to use: $BPTT_CHROMIUM, else the first of these on the PATH. */
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** Where the browser is, if it is installed. */
  static Optional<Path> executable() {
    String configured = System.getenv("BPTT_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String folder : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (!folder.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static HeadlessChromium start(Path executable) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("bptt-chromium");
    List<String> command = List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--mute-audio", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<String> lines = List.of();
    while (lines.size() < 2) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        process.destroyForcibly();
        throw new IOException("chromium did not start: " + log(profile));
      }
      Thread.sleep(50);
      if (Files.exists(portFile)) {
        lines = Files.readAllLines(portFile);
      }
    }
    URI endpoint = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
    return new HeadlessChromium(process, profile, endpoint);
  }

  private HeadlessChromium(Process process, Path profile, URI endpoint) throws IOException {
    this.process = process;
    this.profile = profile;
    try {
      this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
          .buildAsync(endpoint, new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IOException("cannot connect to chromium at " + endpoint + ": " + e, e);
    }
  }

  /** A new tab laid out at {@code width} x {@code height} CSS pixels; {@code phone} emulates a touch screen. */
  Page open(int width, int height, boolean phone) throws IOException {
    String target = call(null, "Target.createTarget", params().put("url", "about:blank")).get("targetId").asText();
    String session = call(null, "Target.attachToTarget", params().put("targetId", target).put("flatten", true))
        .get("sessionId").asText();
    Page page = new Page(target, session);
    page.resize(width, height, phone);
    return page;
  }

  /** Files the pages download go to {@code folder}. */
  void downloadTo(Path folder) throws IOException {
    call(null, "Browser.setDownloadBehavior", params().put("behavior", "allow")
        .put("downloadPath", folder.toAbsolutePath().toString()));
  }

  /** One tab. */
  final class Page implements AutoCloseable {

    private final String target;
    private final String session;

    private Page(String target, String session) {
      this.target = target;
      this.session = session;
    }

    void resize(int width, int height, boolean phone) throws IOException {
      call(session, "Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
          .put("deviceScaleFactor", 1).put("mobile", phone));
    }

    /** Lays pages out for print (the @media print rules) instead of the screen. */
    void emulatePrint() throws IOException {
      call(session, "Emulation.setEmulatedMedia", params().put("media", "print"));
    }

    /** Loads a page and waits until it and everything it needs has loaded. */
    void load(Path file) throws IOException {
      call(session, "Page.navigate", params().put("url", file.toAbsolutePath().toUri().toString()));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!"complete".equals(evaluate("document.readyState").asText())) {
        if (System.nanoTime() > deadline) {
          throw new IOException(file + " did not finish loading");
        }
        sleep();
      }
    }

    /** The value of a JavaScript expression in the page (a promise is awaited). */
    JsonNode evaluate(String expression) throws IOException {
      JsonNode result = call(session, "Runtime.evaluate", params().put("expression", expression)
          .put("returnByValue", true).put("awaitPromise", true));
      if (result.has("exceptionDetails")) {
        throw new IOException("script failed: " + result.get("exceptionDetails"));
      }
      return result.path("result").path("value");
    }

    /** The page printed to PDF on A4, as Chromium's print dialog would with background graphics on. */
    byte[] pdf() throws IOException {
      JsonNode result = call(session, "Page.printToPDF", params().put("printBackground", true)
          .put("paperWidth", 8.27).put("paperHeight", 11.69).put("preferCSSPageSize", true));
      return Base64.getDecoder().decode(result.get("data").asText());
    }

    /** A PNG of the viewport. */
    byte[] screenshot() throws IOException {
      return Base64.getDecoder().decode(call(session, "Page.captureScreenshot", params().put("format", "png"))
          .get("data").asText());
    }

    @Override
    public void close() throws IOException {
      call(null, "Target.closeTarget", params().put("targetId", target));
    }
  }

  private static ObjectNode params() {
    return JSON.createObjectNode();
  }

  private JsonNode call(String session, String method, ObjectNode params) throws IOException {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonNode response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (response.has("error")) {
        throw new IOException(method + ": " + response.get("error"));
      }
      return response.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(method + ": interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException(method + ": no answer from chromium (" + e + ")", e);
    } finally {
      pending.remove(id);
    }
  }

  /** Collects the frames of each message and completes the call it answers; events are not needed. */
  private final class Listener implements WebSocket.Listener {

    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          CompletableFuture<JsonNode> waiting = message.has("id") ? pending.get(message.get("id").asInt()) : null;
          if (waiting != null) {
            waiting.complete(message);
          }
        } catch (IOException e) {
          pending.values().forEach(call -> call.completeExceptionally(e));
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String log(Path profile) {
    try {
      String log = Files.readString(profile.resolve("chromium.log"));
      return log.length() > 2000 ? log.substring(log.length() - 2000) : log;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
      for (Path file : all) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a profile left in the temp folder is harmless
    }
  }
}
