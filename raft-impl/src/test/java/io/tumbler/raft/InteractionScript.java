package io.tumbler.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A golden interaction script: comment lines ({@code #}) and commands, each followed by a
 * {@code ----} line and the expected output up to the next blank line (etcd's datadriven format).
 * Rendering with actual outputs produces the file that {@code -Dtumbler.golden.update=true} writes.
 */
final class InteractionScript {
    /** One item of a script: a comment line or a command with its expected output. */
    sealed interface Item {
    }

    record Comment(String text) implements Item {
    }

    record Command(int lineNumber, String line, String expected) implements Item {
    }

    private final List<Item> items;

    private InteractionScript(List<Item> items) {
        this.items = items;
    }

    static InteractionScript parse(String text, String fileName) {
        List<Item> items = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank()) {
                i++;
            } else if (line.startsWith("#")) {
                items.add(new Comment(line));
                i++;
            } else {
                if (i + 1 >= lines.length || !lines[i + 1].equals("----")) {
                    throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": expected '----' after command '" + line + "'");
                }
                int start = i + 2;
                int end = start;
                while (end < lines.length && !lines[end].isEmpty()) {
                    end++;
                }
                items.add(new Command(i + 1, line.strip(), String.join("\n", List.of(lines).subList(start, end))));
                i = end;
            }
        }
        return new InteractionScript(items);
    }

    List<Item> items() {
        return items;
    }

    /** The script text with every command's output replaced by {@code run(command)}. */
    String render(Function<Command, String> run) {
        StringBuilder out = new StringBuilder();
        Item previous = null;
        for (Item item : items) {
            if (item instanceof Comment comment) {
                if (previous instanceof Command) {
                    out.append('\n');
                }
                out.append(comment.text()).append('\n');
            } else if (item instanceof Command command) {
                if (previous instanceof Command) {
                    out.append('\n');
                }
                out.append(command.line()).append("\n----\n").append(run.apply(command)).append('\n');
            }
            previous = item;
        }
        return out.toString();
    }
}
