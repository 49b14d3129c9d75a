package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** raft-impl's main sources as the source-shape tests read them: the files, and each line without its comment. */
final class RaftSources {
    private RaftSources() {}

    /**
     * The {@code .java} files under {@code src/main/java/<relative>} of raft-impl, sorted, found from the module or
     * from the checkout root ({@code tumbler.root}); {@code recursive} walks the subpackages too. Fails when fewer
     * than {@code atLeast} are found, so a moved tree cannot make the shape tests pass on nothing.
     */
    static List<Path> under(Path relative, boolean recursive, int atLeast) throws IOException {
        String root = System.getProperty("tumbler.root");
        Path inModule = Path.of("src", "main", "java").resolve(relative);
        Path dir = root != null && Files.isDirectory(Path.of(root, "raft-impl").resolve(inModule))
                ? Path.of(root, "raft-impl").resolve(inModule) : inModule;
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            assertTrue(sources.size() >= atLeast, "raft-impl sources not found in " + dir);
            return sources;
        }
    }

    /** {@code line} without a trailing {@code //} comment; a comment or Javadoc line becomes empty. */
    static String stripComment(String line) {
        String trimmed = line.trim();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            return "";
        }
        int comment = line.indexOf("//");
        return comment >= 0 ? line.substring(0, comment) : line;
    }
}
