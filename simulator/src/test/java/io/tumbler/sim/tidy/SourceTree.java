package io.tumbler.sim.tidy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locating the repository and its Java sources. */
final class SourceTree {
    private SourceTree() {
    }

    /** The repository root: the {@code tumbler.root} property Surefire sets, else the nearest parent with a pom. */
    static Path root() {
        String property = System.getProperty("tumbler.root");
        if (property != null && !property.isBlank()) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("simulator")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root; set -Dtumbler.root");
        }
        return dir;
    }

    /** Every module's {@code src/main/java} under the root, sorted. */
    static List<Path> mainSourceRoots(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .java files under {@code dir}, sorted; empty if the directory does not exist (yet). */
    static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file} relative to {@code root} with forward slashes. */
    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
