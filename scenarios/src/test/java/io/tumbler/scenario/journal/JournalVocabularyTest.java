package io.tumbler.scenario.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.raft.node.Observation;
import io.tumbler.runformat.JournalEvent;
import io.tumbler.runformat.JournalLine;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The journal has one vocabulary, the node's observations; run-format's {@link JournalEvent} records are the
 * subset its readers outside the node interpret, read back from the JSON the writer derives from the observations.
 * Here the two are held equal: by shape (every record against the observation of its name, component for
 * component, nested records too), and by value (a real run's journal written by {@link JournalFile}, each line read
 * through {@link JournalLine}, gives the observation's values).
 */
class JournalVocabularyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyReadableEventHasTheShapeOfTheObservationOfItsName() {
    Map<String, Class<?>> observations = new TreeMap<>();
    for (Class<?> c : Observation.class.getPermittedSubclasses()) {
      observations.put(c.getSimpleName(), c);
    }
    Class<?>[] readable = JournalEvent.class.getPermittedSubclasses();
    assertTrue(readable.length >= 6, "run-format declares the events reports interpret");
    for (Class<?> r : readable) {
      Class<?> o = observations.get(r.getSimpleName());
      assertNotNull(o, "run-format's JournalEvent." + r.getSimpleName() + " is no observation the node writes");
      assertSameShape(r.getSimpleName(), o, r);
    }
  }

  private static void assertSameShape(String where, Class<?> written, Class<?> read) {
    RecordComponent[] w = written.getRecordComponents();
    RecordComponent[] r = read.getRecordComponents();
    assertEquals(names(w), names(r), where + ": the components differ");
    for (int i = 0; i < w.length; i++) {
      assertSameType(where + "." + w[i].getName(), w[i].getGenericType(), r[i].getGenericType());
    }
  }

  private static void assertSameType(String where, Type written, Type read) {
    if (written instanceof ParameterizedType pw && read instanceof ParameterizedType pr) {
      assertEquals(pw.getRawType(), pr.getRawType(), where);
      for (int i = 0; i < pw.getActualTypeArguments().length; i++) {
        assertSameType(where + "<" + i + ">", pw.getActualTypeArguments()[i], pr.getActualTypeArguments()[i]);
      }
    } else if (written instanceof Class<?> cw && read instanceof Class<?> cr && cw.isRecord() && cr.isRecord()) {
      assertEquals(cw.getSimpleName(), cr.getSimpleName(), where);
      assertSameShape(where, cw, cr);
    } else {
      assertEquals(written, read, where + ": the types differ");
    }
  }

  private static List<String> names(RecordComponent[] components) {
    List<String> out = new ArrayList<>();
    for (RecordComponent c : components) {
      out.add(c.getName());
    }
    return out;
  }

  @Test
  void aRealRunsJournalReadsBackWithTheObservationsValues() throws Exception {
    TreeSet<String> seen = new TreeSet<>();
    ScenarioRunner runner = new ScenarioRunner(false, Duration.ofSeconds(60));
    for (String scenario : List.of("churn", "partitioned-leader-rejoin", "default")) {
      for (long seed = 1; seed <= 3; seed++) {
        RunArtifacts run = runner.run(ScenarioCatalog.named(scenario), seed);
        for (JournalEntry entry : run.journal()) {
          JournalLine line = JournalLine.of(JSON.readTree(JournalFile.toLine(entry)));
          assertEquals(entry.timeNanos(), line.timeNanos());
          assertEquals(entry.node(), line.node());
          if (line.typed() != null) {
            seen.add(line.event());
            assertEquals(values(entry.payload()), values(line.typed()), scenario + " seed " + seed + ": " + entry);
          }
        }
      }
    }
    List<String> readable = new ArrayList<>();
    for (Class<?> r : JournalEvent.class.getPermittedSubclasses()) {
      readable.add(r.getSimpleName());
    }
    assertEquals(new TreeSet<>(readable), seen, "every readable event occurred in these runs");
  }

  /** A record's values, component by component, nested records and lists of them as lists of their values. */
  private static Object values(Object value) throws ReflectiveOperationException {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(values(o));
      }
      return out;
    }
    if (value == null || !value.getClass().isRecord()) {
      return value;
    }
    List<Object> out = new ArrayList<>();
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      out.add(c.getName() + "=" + values(c.getAccessor().invoke(value)));
    }
    return out;
  }
}
