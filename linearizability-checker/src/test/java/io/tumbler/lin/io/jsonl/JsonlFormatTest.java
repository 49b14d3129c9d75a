package io.tumbler.lin.io.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.lin.history.EdnList;
import io.tumbler.lin.history.EdnSymbol;
import io.tumbler.lin.history.EdnTagged;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.testing.Golden;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** history.jsonl schema v1: the exact bytes (golden), the header, and the value encoding both ways. */
class JsonlFormatTest {

  static History sample() {
    Map<Object, Object> createVm = new LinkedHashMap<>();
    createVm.put("vm", "vm-1");
    createVm.put("vcpus", 2L);
    createVm.put("memoryMib", 2048L);
    Map<Object, Object> placed = new LinkedHashMap<>(createVm);
    placed.put("host", "h1");
    return History.of(List.of(
        new Operation(0, 1L, OpType.INVOKE, "read", null, true, OptionalLong.of(1_000L), Map.of()),
        new Operation(1, Keyword.of("nemesis"), OpType.INFO, "start", null, false, OptionalLong.of(1_500L), Map.of()),
        new Operation(2, 1L, OpType.OK, "read", 3L, true, OptionalLong.of(2_000L), Map.of()),
        new Operation(3, 2L, OpType.INVOKE, "cas", ImmutableValues.vector(1L, 2L), true, OptionalLong.empty(), Map.of()),
        new Operation(4, 2L, OpType.FAIL, "cas", ImmutableValues.vector(1L, 2L), true, OptionalLong.empty(),
            Map.of("error", "mismatch")),
        Operation.invoke(5, 3, "create-vm", createVm),
        new Operation(6, 3L, OpType.INFO, "create-vm", Keyword.of("timed-out"), true, OptionalLong.empty(),
            Map.of("error", Keyword.of("timeout"))),
        Operation.invoke(7, 4, "put", ImmutableValues.vector(":not-a-keyword", "~tilde")),
        Operation.ok(8, 4, "put", placed)));
  }

  @Test
  void writerOutputIsTheDocumentedSchema() throws IOException {
    StringWriter out = new StringWriter();
    JsonlHistoryWriter.write(sample(), new JsonlHeader("vm", 0L, true, true), out);
    Golden.assertMatches("history-v1.jsonl", out.toString());
  }

  @Test
  void readerGivesBackTheSameHistoryAndHeader() throws IOException {
    StringWriter out = new StringWriter();
    JsonlHistoryWriter.write(sample(), new JsonlHeader("vm", null, true, false), out);
    JsonlHistoryReader.Result back = JsonlHistoryReader.read(new StringReader(out.toString()), "sample");
    assertEquals(sample().operations(), back.history().operations());
    assertEquals(new JsonlHeader("vm", null, true, false), back.header());
    assertFalse(back.history().explicitIndexes());
  }

  @Test
  void headerlessFilesReadAsVersionOne() throws IOException {
    String line = "{\"index\":0,\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}\n";
    JsonlHistoryReader.Result result = JsonlHistoryReader.read(new StringReader(line), "bare");
    assertEquals(1, result.history().operations().size());
    assertEquals(null, result.header().model());
  }

  @Test
  void everyValueKindRoundTrips() throws IOException {
    Map<Object, Object> oddKeys = new LinkedHashMap<>();
    oddKeys.put(1L, "one");
    oddKeys.put(Keyword.of("k"), "kw");
    Map<Object, Object> tildeKey = new LinkedHashMap<>();
    tildeKey.put("~list", 1L);
    List<Object> values = List.of(
        Keyword.of("timed-out"), Keyword.of("ns/name"), ":colon", "~tilde", "~~", "plain", "",
        new EdnList(List.of(1L, 2L)), ImmutableValues.normalize(new LinkedHashSet<>(List.of(1L, "a"))),
        ImmutableValues.normalize(oddKeys), ImmutableValues.normalize(tildeKey), new EdnSymbol("foo/bar"), 'c',
        new BigDecimal("1.50"), new BigInteger("123456789012345678901234567890"), Double.NaN, 2.5, true, 42L,
        new EdnTagged("inst", "2015-01-01T00:00:00.000-00:00"), ImmutableValues.vector(1L, null, "x"));
    ObjectMapper mapper = new ObjectMapper();
    for (Object value : values) {
      StringWriter json = new StringWriter();
      try (JsonGenerator generator = new JsonFactory().createGenerator(json)) {
        JsonValues.write(ImmutableValues.normalize(value), generator);
      }
      Object back = JsonValues.read(mapper.readTree(json.toString()));
      assertEquals(ImmutableValues.normalize(value), back, () -> value + " as " + json);
    }
  }

  @Test
  void keywordsAreColonStringsAndColonStringsAreEscaped() {
    assertEquals(Keyword.of("x"), JsonValues.decodeString(":x"));
    assertEquals(":x", JsonValues.decodeString("~:x"));
    assertTrue(JsonValues.decodeString("x") instanceof String);
  }
}
