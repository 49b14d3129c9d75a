package io.tumbler.scenario.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.fault.Fault;
import io.tumbler.lin.Checker;
import io.tumbler.raft.KnownBugs;
import io.tumbler.sim.trace.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Which build of Tumbler recorded a campaign result: the source commit ({@code ./tumbler} passes it in
 * {@code TUMBLER_COMMIT}; "unknown" without git, "-dirty" appended for a modified tree) and a digest of the code
 * itself. A run is a pure function of (seed, scenario, code), so a result is only reused by a build with the
 * same identity; the commit alone cannot say that (a dirty tree stays "X-dirty" while its code changes, and
 * without git every build is "unknown").
 *
 * <p>The digest ({@code classes}) is SHA-256 over every {@code io/tumbler/**.class} of the locations (the CLI
 * jar, or the modules' class directories when run from an IDE or the tests) that hold Tumbler's modules, taken
 * in name order, each as its name, length and CRC-32; its first 6 bytes as 12 hex digits. In a jar the length and
 * CRC-32 of each entry are read from the jar's directory, so nothing is inflated and the digest costs a few
 * milliseconds once per process. Class files do not carry timestamps, so rebuilding the same sources with the
 * same compiler gives the same digest, while any change to code that runs (not to docs or tests) gives
 * another. (CRC-32 detects changes, it does not resist forgery: this identifies builds, it does not sign them.)
 *
 * @param commit  the source commit as recorded in a results line's {@code commit}
 * @param classes the digest of the code, as recorded in a results line's {@code build}
 */
public record BuildIdentity(String commit, String classes) {
  /** What a results line written before builds were recorded (no {@code build} field) is taken to be. */
  static final String UNRECORDED = "unrecorded";

  /** One class of each module whose code decides a run's verdict: their locations are what is digested. */
  private static final List<Class<?>> MODULES = List.of(Campaign.class, KnownBugs.class, Fingerprint.class,
      Fault.class, Checker.class);

  public BuildIdentity {
    if (commit == null || commit.isBlank() || classes == null || classes.isBlank()) {
      throw new IllegalArgumentException("a build identity needs a commit and a classes digest");
    }
  }

  /** The build of this process: {@code commit} and the digest of the classes this JVM loaded Tumbler from. */
  public static BuildIdentity running(String commit) {
    return new BuildIdentity(commit, RunningClasses.DIGEST);
  }

  /** The build that wrote a results line ({@link #UNRECORDED} classes when the line predates the field). */
  static BuildIdentity recordedIn(JsonNode line) {
    String commit = line.path("commit").asText("");
    String classes = line.path("build").asText("");
    return new BuildIdentity(commit.isBlank() ? "unknown" : commit, classes.isBlank() ? UNRECORDED : classes);
  }

  /** Where a campaign directory keeps this build's results once another build runs there. */
  String resultsFileName() {
    return "results." + safe(commit) + "." + safe(classes) + ".jsonl";
  }

  @Override
  public String toString() {
    return "commit " + commit + ", classes " + classes;
  }

  private static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9_+-]", "_");
  }

  /** The digest of the running code, computed on first use. */
  private static final class RunningClasses {
    static final String DIGEST = digest();

    private static String digest() {
      TreeSet<Path> locations = new TreeSet<>();
      for (Class<?> module : MODULES) {
        CodeSource source = module.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
          throw new IllegalStateException("cannot tell where " + module.getName() + " was loaded from");
        }
        try {
          locations.add(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
          throw new IllegalStateException("cannot read the location of " + module.getName(), e);
        }
      }
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path location : locations) {
          classesIn(location).forEach((name, sizeAndCrc) ->
              sha.update((name + " " + sizeAndCrc + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        byte[] full = sha.digest();
        return HexFormat.of().formatHex(full, 0, 6);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK has no SHA-256", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read Tumbler's own classes to identify the build", e);
      }
    }

    /** Tumbler's class files at {@code location} (a jar or a class directory): name to "length crc32". */
    private static TreeMap<String, String> classesIn(Path location) throws IOException {
      TreeMap<String, String> out = new TreeMap<>();
      if (Files.isDirectory(location)) {
        Path root = location.resolve("io").resolve("tumbler");
        if (!Files.isDirectory(root)) {
          return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
            byte[] bytes = Files.readAllBytes(f);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            out.put(location.relativize(f).toString().replace('\\', '/'), bytes.length + " " + crc.getValue());
          }
        }
        return out;
      }
      try (JarFile jar = new JarFile(location.toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry e = entries.nextElement();
          if (e.getName().startsWith("io/tumbler/") && e.getName().endsWith(".class")) {
            out.put(e.getName(), e.getSize() + " " + e.getCrc());
          }
        }
      }
      return out;
    }
  }
}
