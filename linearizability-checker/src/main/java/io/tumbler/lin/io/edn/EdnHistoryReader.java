package io.tumbler.lin.io.edn;

import clojure.lang.IFn;
import clojure.lang.LineNumberingPushbackReader;
import clojure.lang.PersistentArrayMap;
import clojure.lang.RT;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.MalformedHistoryException;
import io.tumbler.lin.history.Operation;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Jepsen/Knossos EDN histories with Clojure's own EDN reader ({@code clojure.edn/read} on a
 * PushbackReader), one op map at a time so that every error names the line its map starts on.
 *
 * <p>Accepted: one collection ({@code [...]} or {@code (...)}) of op maps, or bare op maps one after
 * another (as Knossos's CLI accepts), with {@code ;} comments, commas and {@code #_} discards anywhere
 * between maps. Tagged elements ({@code #inst}, {@code #uuid}, others) are kept as tagged values. When
 * no op carries {@code :index}, indexes are positions in the collection (nemesis ops included); when all
 * do, they are kept; a mix is an error.
 */
public final class EdnHistoryReader {
  private EdnHistoryReader() {}

  /** The history in {@code reader}; {@code source} names it in errors. */
  public static History read(Reader reader, String source) throws IOException {
    List<Object> forms = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    readForms(new LineNumberingPushbackReader(reader), source, forms, lines);
    boolean explicit = !forms.isEmpty() && EdnOperations.hasIndex(forms.get(0));
    History.Builder history = History.builder(source, explicit);
    for (int i = 0; i < forms.size(); i++) {
      if (EdnOperations.hasIndex(forms.get(i)) != explicit) {
        throw new MalformedHistoryException(source, lines.get(i), ":index on every op map or on none", "a mix");
      }
      Operation operation = EdnOperations.fromOpMap(forms.get(i), i, source, lines.get(i));
      history.add(operation, lines.get(i));
    }
    return history.build();
  }

  private static void readForms(LineNumberingPushbackReader in, String source, List<Object> forms, List<Integer> lines)
      throws IOException {
    int first = skipBlank(in, source, true);
    if (first == -1) {
      return;
    }
    int closing = first == '[' ? ']' : first == '(' ? ')' : -1;
    if (closing < 0) {
      if (first != '{') {
        throw new MalformedHistoryException(source, in.getLineNumber(), "a history: [ or ( or an op map {",
            "'" + (char) first + "'");
      }
      in.unread(first);
    }
    while (true) {
      int next = skipBlank(in, source, true);
      if (next == -1) {
        if (closing >= 0) {
          throw new MalformedHistoryException(source, in.getLineNumber(), "'" + (char) closing + "' closing the history", "end of file");
        }
        return;
      }
      if (next == closing) {
        if (skipBlank(in, source, true) != -1) {
          throw new MalformedHistoryException(source, in.getLineNumber(), "end of file after the history", "more data");
        }
        return;
      }
      in.unread(next);
      lines.add(in.getLineNumber());
      forms.add(readForm(in, source));
    }
  }

  /** Skips whitespace, commas, comments and {@code #_} discards; returns the next char or -1 at the end. */
  private static int skipBlank(LineNumberingPushbackReader in, String source, boolean discards) throws IOException {
    while (true) {
      int c = in.read();
      if (c == ';') {
        while (c != -1 && c != '\n') {
          c = in.read();
        }
      } else if (c == '#' && discards) {
        int after = in.read();
        if (after != '_') {
          throw new MalformedHistoryException(source, in.getLineNumber(), "an op map {...} or a #_ discard",
              "'#" + (after == -1 ? "" : String.valueOf((char) after)) + "'");
        }
        readForm(in, source);
      } else if (c == -1 || !(Character.isWhitespace(c) || c == ',')) {
        return c;
      }
    }
  }

  private static Object readForm(LineNumberingPushbackReader in, String source) {
    int line = in.getLineNumber();
    try {
      return ClojureRuntime.ednRead().invoke(options(), in);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new MalformedHistoryException(source, line, "well-formed EDN", cause.getMessage(), e);
    }
  }

  private static Object options() {
    IFn tagged = ClojureRuntime.taggedLiteral();
    Object readers = RT.map(clojure.lang.Symbol.intern("inst"), new TagAsIs("inst", tagged),
        clojure.lang.Symbol.intern("uuid"), new TagAsIs("uuid", tagged));
    return new PersistentArrayMap(new Object[] {
        clojure.lang.Keyword.intern("readers"), readers,
        clojure.lang.Keyword.intern("default"), tagged});
  }

  /** A reader function that keeps {@code #tag form} as a tagged literal instead of interpreting it. */
  private static final class TagAsIs extends clojure.lang.AFn {
    private final clojure.lang.Symbol tag;
    private final IFn taggedLiteral;

    TagAsIs(String tag, IFn taggedLiteral) {
      this.tag = clojure.lang.Symbol.intern(tag);
      this.taggedLiteral = taggedLiteral;
    }

    @Override
    public Object invoke(Object form) {
      return taggedLiteral.invoke(tag, form);
    }
  }
}
