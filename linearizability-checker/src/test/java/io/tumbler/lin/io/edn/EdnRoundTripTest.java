package io.tumbler.lin.io.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.history.History;
import io.tumbler.lin.io.jsonl.JsonlHeader;
import io.tumbler.lin.io.jsonl.JsonlHistoryReader;
import io.tumbler.lin.io.jsonl.JsonlHistoryWriter;
import io.tumbler.lin.testing.Corpus;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lossless EDN for every corpus EDN file, judged by Clojure's own reader and equality: the file's data,
 * read by {@code clojure.edn}, equals the data of what we write (read then write), and equals the data
 * of EDN written after a trip through history.jsonl.
 */
class EdnRoundTripTest {

  @TestFactory
  List<DynamicTest> everyCorpusEdnFileRoundTrips() throws IOException {
    Path corpus = Corpus.require();
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      files.filter(file -> file.toString().endsWith(".edn")).sorted().forEach(file ->
          tests.add(DynamicTest.dynamicTest(corpus.relativize(file).toString(), () -> roundTrip(file))));
    }
    assertEquals(122, tests.size(), "the corpus has 122 EDN files");
    return tests;
  }

  private static void roundTrip(Path file) throws IOException {
    String original = Files.readString(file);
    History history = EdnHistoryReader.read(new StringReader(original), file.toString());
    String written = writeEdn(history);
    assertSameData(original, written, "read -> write");

    StringWriter jsonl = new StringWriter();
    JsonlHistoryWriter.write(history, new JsonlHeader(null, null, false, history.explicitIndexes()), jsonl);
    History fromJsonl = JsonlHistoryReader.read(new StringReader(jsonl.toString()), "jsonl").history();
    assertEquals(history.operations(), fromJsonl.operations(), "EDN -> jsonl -> history");
    assertSameData(original, writeEdn(fromJsonl), "EDN -> jsonl -> EDN");
  }

  private static String writeEdn(History history) throws IOException {
    StringWriter out = new StringWriter();
    EdnHistoryWriter.write(history, out);
    return out.toString();
  }

  private static void assertSameData(String expectedEdn, String actualEdn, String trip) {
    Object expected = ClojureRuntime.ednReadString().invoke(expectedEdn);
    Object actual = ClojureRuntime.ednReadString().invoke(actualEdn);
    assertTrue((Boolean) ClojureRuntime.equality().invoke(expected, actual),
        () -> trip + " changed the data; first difference near " + firstDifference(expected, actual));
  }

  private static String firstDifference(Object expected, Object actual) {
    List<?> a = new ArrayList<>((java.util.Collection<?>) expected);
    List<?> b = new ArrayList<>((java.util.Collection<?>) actual);
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!(Boolean) ClojureRuntime.equality().invoke(a.get(i), b.get(i))) {
        return "element " + i + ": " + a.get(i) + " vs " + b.get(i);
      }
    }
    return "sizes " + a.size() + " vs " + b.size();
  }

  @Test
  void keywordsListsSetsTagsAndAbsentValuesSurvive() throws IOException {
    String edn = "({:process 0, :type :invoke, :f :txn, :value [[:read :x nil] (1 2) #{:a} {1 \"one\"}],"
        + " :extra #inst \"2015-01-01T00:00:00.000-00:00\", :sym foo/bar, :ch \\c}\n"
        + " {:process :nemesis, :type :info, :f :start}\n"
        + " {:process 0, :type :ok, :f :txn, :value [[:read :x 1]], :big 12345678901234567890N, :dec 1.5M})";
    History history = EdnHistoryReader.read(new StringReader(edn), "inline");
    assertSameData(edn, writeEdn(history), "read -> write");
    StringWriter jsonl = new StringWriter();
    JsonlHistoryWriter.write(history, new JsonlHeader(null, null, false, false), jsonl);
    History back = JsonlHistoryReader.read(new StringReader(jsonl.toString()), "jsonl").history();
    assertEquals(history.operations(), back.operations());
    assertSameData(edn, writeEdn(back), "EDN -> jsonl -> EDN");
  }
}
