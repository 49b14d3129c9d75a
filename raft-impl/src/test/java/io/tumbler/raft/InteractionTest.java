package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file interaction tests of the pure core: each {@code interaction/*.txt} script is run by
 * {@link InteractionCluster} and its output must equal the file. Review changes in the diff after
 * regenerating with {@code -Dtumbler.golden.update=true}.
 */
class InteractionTest {
    private static final boolean UPDATE = Boolean.getBoolean("tumbler.golden.update");

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        Path dir = scriptDirectory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "no interaction scripts in " + dir);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> runScript(file)));
    }

    private static void runScript(Path file) throws IOException {
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        InteractionScript script = InteractionScript.parse(expected, file.getFileName().toString());
        InteractionCluster cluster = new InteractionCluster();
        String actual = script.render(command -> {
            try {
                return cluster.run(command.line());
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(file.getFileName() + ":" + command.lineNumber() + ": '" + command.line()
                        + "' failed: " + e, e);
            }
        });
        if (UPDATE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, file.getFileName() + " differs; rerun with -Dtumbler.golden.update=true and review the diff");
    }

    private static Path scriptDirectory() {
        String root = System.getProperty("tumbler.root");
        Path relative = Path.of("src", "test", "resources", "interaction");
        if (root != null && Files.isDirectory(Path.of(root, "raft-impl").resolve(relative))) {
            return Path.of(root, "raft-impl").resolve(relative);
        }
        return relative;
    }
}
