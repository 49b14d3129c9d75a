package io.tumbler.report.render;

import guru.nidi.graphviz.engine.Engine;
import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DOT text to inline SVG through graphviz-java, with the engine chosen once per JVM: the {@code dot} command
 * when it is on the {@code PATH} (real Graphviz, fastest), else graphviz-java's V8 engine running viz.js, its
 * native library cached under the project-controlled {@link #cacheDirectory}; else none, and every diagram is
 * {@link Diagram.Unavailable} with the reason. Never throws for a missing engine or a layout error.
 *
 * <p>Thread use: graphviz-java's engine is a JVM-wide singleton, so {@link #draw} serializes calls.
 * Output is a pure function of the DOT text and the engine (no timestamps, no random ids): the same run gives
 * the same report.
 *
 * <p>{@code -Dtumbler.graphviz=off} forces the fallback (for tests and for machines where an engine
 * misbehaves).
 */
public final class GraphvizRenderer {
  /** The graph layout program: hierarchical, spring/pinned positions, or circular. */
  public enum Layout {
    DOT(Engine.DOT),
    NEATO(Engine.NEATO),
    CIRCO(Engine.CIRCO);

    private final Engine engine;

    Layout(Engine engine) {
      this.engine = engine;
    }
  }

  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]*)\"");
  private static final Object ENGINE_LOCK = new Object();

  private final String engineName;
  private final String unavailable;
  private final long startMillis;

  private GraphvizRenderer(String engineName, String unavailable, long startMillis) {
    this.engineName = engineName;
    this.unavailable = unavailable;
    this.startMillis = startMillis;
  }

  /** The JVM's renderer, starting its engine on first use (about 1.5 s for V8). */
  public static GraphvizRenderer shared() {
    return Shared.INSTANCE;
  }

  /** A renderer that draws nothing, each diagram carrying {@code reason}; for tests and forced fallback. */
  public static GraphvizRenderer off(String reason) {
    return new GraphvizRenderer("", reason, 0);
  }

  /** Whether diagrams are drawn (an engine started). */
  public boolean available() {
    return unavailable.isEmpty();
  }

  /** For the report's small print: which engine drew the diagrams, or why none did. */
  public String describe() {
    return available() ? engineName : "none (" + unavailable + ")";
  }

  /** How long the engine took to start, in wall milliseconds (0 when none started). */
  public long startMillis() {
    return startMillis;
  }

  /**
   * Draws {@code dot} with {@code layout}; {@code idPrefix} is put before every element id of the SVG so that
   * several diagrams can share one page.
   */
  public Diagram draw(String dot, Layout layout, String idPrefix) {
    if (!available()) {
      return new Diagram.Unavailable(unavailable);
    }
    try {
      String svg;
      synchronized (ENGINE_LOCK) {
        svg = Graphviz.fromString(dot).engine(layout.engine).notValidating().render(Format.SVG).toString();
      }
      return inline(svg, idPrefix);
    } catch (RuntimeException | LinkageError e) {
      return new Diagram.Unavailable("layout failed: " + firstLine(e));
    }
  }

  /** Strips the XML prolog and doctype, and prefixes ids. */
  static Diagram inline(String svg, String idPrefix) {
    int start = svg.indexOf("<svg");
    int end = svg.lastIndexOf("</svg>");
    if (start < 0 || end < start) {
      return new Diagram.Unavailable("the engine returned no SVG");
    }
    String element = svg.substring(start, end + "</svg>".length());
    Matcher m = ID.matcher(element);
    return new Diagram.Drawn(m.replaceAll(r -> Matcher.quoteReplacement("id=\"" + idPrefix + "-" + r.group(1) + "\"")));
  }

  private static String firstLine(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  /**
   * Where Tumbler caches files it extracts: {@code -Dtumbler.cache.dir}, else {@code $TUMBLER_CACHE_DIR}, else
   * {@code $XDG_CACHE_HOME/tumbler}, else {@code ~/.cache/tumbler}; never the home directory itself (a home that
   * cannot be told falls back to the temporary directory).
   */
  static Path cacheDirectory(Properties properties, Map<String, String> env) {
    String property = properties.getProperty("tumbler.cache.dir", "");
    if (!property.isBlank()) {
      return Path.of(property);
    }
    String variable = env.getOrDefault("TUMBLER_CACHE_DIR", "");
    if (!variable.isBlank()) {
      return Path.of(variable);
    }
    String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
    if (!xdg.isBlank()) {
      return Path.of(xdg, "tumbler");
    }
    String home = properties.getProperty("user.home", "");
    if (home.isBlank() || home.equals("?")) {
      return Path.of(properties.getProperty("java.io.tmpdir", "/tmp"), "tumbler-cache");
    }
    return Path.of(home, ".cache", "tumbler");
  }

  /** Whether an executable {@code dot} is in one of the {@code PATH} directories. */
  static boolean dotOnPath(String path) {
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "dot"))) {
        return true;
      }
    }
    return false;
  }

  private static GraphvizRenderer start() {
    if ("off".equals(System.getProperty("tumbler.graphviz"))) {
      return off("turned off by -Dtumbler.graphviz=off");
    }
    long t0 = System.nanoTime();
    if (dotOnPath(System.getenv().getOrDefault("PATH", ""))) {
      String failure = use(new GraphvizCmdLineEngine());
      if (failure.isEmpty()) {
        return new GraphvizRenderer("Graphviz dot (command line, via graphviz-java)", "", (System.nanoTime() - t0) / 1_000_000);
      }
    }
    Path dir = cacheDirectory(System.getProperties(), System.getenv()).resolve("graphviz-v8");
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      return off("no dot on PATH and cannot create the engine cache " + dir + ": " + e.getMessage());
    }
    return startV8(dir, t0);
  }

  /** Starts the V8 engine under a lock on {@code dir}, so that JVMs sharing the cache never interleave. */
  private static GraphvizRenderer startV8(Path dir, long t0) {
    try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      assert lock.isValid();
      String patch = V8Natives.preload(dir);
      String failure = use(new GraphvizV8Engine(dir.toString()));
      if (!failure.isEmpty()) {
        return off("no dot on PATH and the V8 engine did not start (" + failure + ")");
      }
      return new GraphvizRenderer("graphviz-java 0.18.1, V8 engine (viz.js), natives in " + dir
          + (patch.isEmpty() ? "" : "; " + patch), "", (System.nanoTime() - t0) / 1_000_000);
    } catch (IOException | RuntimeException | LinkageError e) {
      return off("no dot on PATH and the V8 engine did not start: " + firstLine(e));
    }
  }

  /** Makes {@code engine} graphviz-java's engine and proves it with a one-node graph; "" on success. */
  private static String use(GraphvizEngine engine) {
    try {
      Graphviz.useEngine(engine);
      String svg = Graphviz.fromString("digraph probe { a }").notValidating().render(Format.SVG).toString();
      return svg.contains("<svg") ? "" : "it returned no SVG";
    } catch (RuntimeException | LinkageError e) {
      Graphviz.releaseEngine();
      return firstLine(e);
    }
  }

  /** Lazy holder: the engine starts when the first report with diagrams is written, once per JVM. */
  private static final class Shared {
    static final GraphvizRenderer INSTANCE = start();
  }
}
