package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Graphviz engine choice and its fallback: where natives are cached, when {@code dot} is used, the V8
 * engine really drawing (on Linux x86_64, where its natives exist), deterministically, and a renderer that is
 * off giving a plain note instead of a diagram.
 */
class GraphvizRendererTest {
  @TempDir Path temp;

  private static Properties props(String... pairs) {
    Properties p = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      p.setProperty(pairs[i], pairs[i + 1]);
    }
    return p;
  }

  @Test
  void theCacheDirectoryIsThePropertyThenTheVariableThenXdgThenDotCacheNeverTheHomeItself() {
    Map<String, String> env = Map.of("TUMBLER_CACHE_DIR", "/env/cache", "XDG_CACHE_HOME", "/xdg");
    assertEquals(Path.of("/prop"), GraphvizRenderer.cacheDirectory(props("tumbler.cache.dir", "/prop", "user.home", "/h"), env));
    assertEquals(Path.of("/env/cache"), GraphvizRenderer.cacheDirectory(props("user.home", "/h"), env));
    assertEquals(Path.of("/xdg/tumbler"), GraphvizRenderer.cacheDirectory(props("user.home", "/h"), Map.of("XDG_CACHE_HOME", "/xdg")));
    assertEquals(Path.of("/h/.cache/tumbler"), GraphvizRenderer.cacheDirectory(props("user.home", "/h"), Map.of()));
    assertEquals(Path.of("/t/tumbler-cache"), GraphvizRenderer.cacheDirectory(props("user.home", "?", "java.io.tmpdir", "/t"), Map.of()));
  }

  @Test
  void dotIsFoundOnlyWhenAnExecutableOfThatNameIsInAPathDirectory() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path other = Files.createDirectories(temp.resolve("other"));
    assertFalse(GraphvizRenderer.dotOnPath(other + ":" + bin));
    Files.writeString(bin.resolve("dot"), "#!/bin/sh\n");
    assertFalse(GraphvizRenderer.dotOnPath(other + ":" + bin), "not executable yet");
    Files.setPosixFilePermissions(bin.resolve("dot"), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertTrue(GraphvizRenderer.dotOnPath(other + ":" + bin));
  }

  @Test
  void theBundledV8LibraryHasItsExecutableStackFlagClearedAndOnlyThat() throws Exception {
    assumeTrue(V8Natives.platformMatches(), "J2V8's Linux x86_64 library only");
    byte[] original;
    try (InputStream in = V8Natives.class.getResourceAsStream("/" + V8Natives.LIBRARY)) {
      original = in.readAllBytes();
    }
    byte[] patched = original.clone();
    assertTrue(V8Natives.clearExecutableStack(patched), "the shipped library asks for an executable stack");
    assertFalse(V8Natives.clearExecutableStack(patched.clone()), "cleared: nothing left to clear");
    int differing = 0;
    for (int i = 0; i < original.length; i++) {
      differing += original[i] == patched[i] ? 0 : 1;
    }
    assertEquals(1, differing, "one byte of one program header changes");
    assertFalse(V8Natives.clearExecutableStack(new byte[100]), "not an ELF image");
  }

  @Test
  void aSyntheticElfWithAnExecutableStackHeaderIsPatchedInPlace() {
    ByteBuffer b = ByteBuffer.allocate(64 + 2 * 56).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1});
    b.putLong(0x20, 64).putShort(0x36, (short) 56).putShort(0x38, (short) 2);
    b.putInt(64, 1).putInt(68, 5); // PT_LOAD r-x: must stay executable
    b.putInt(120, 0x6474e551).putInt(124, 7); // PT_GNU_STACK rwx
    assertTrue(V8Natives.clearExecutableStack(b.array()));
    assertEquals(5, b.getInt(68));
    assertEquals(6, b.getInt(124));
  }

  @Test
  void theV8EngineDrawsWellFormedSvgTheSameEveryTime() throws Exception {
    assumeTrue(V8Natives.platformMatches(), "graphviz-java's V8 natives exist for Linux x86_64 here");
    GraphvizRenderer r = GraphvizRenderer.shared();
    assertTrue(r.available(), "an engine started: " + r.describe());
    String dot = "digraph g { a -> b [label=\"AppendEntries t3 [12..14]\"]; b -> c [style=dashed, color=red] }";
    Diagram first = r.draw(dot, GraphvizRenderer.Layout.DOT, "t");
    Diagram.Drawn drawn = assertInstanceOf(Diagram.Drawn.class, first);
    SvgXml xml = SvgXml.parse(drawn.svg());
    assertEquals(3, xml.count("//*[@class='node']"));
    assertEquals(2, xml.count("//*[@class='edge']"));
    assertEquals("AppendEntries t3 [12..14]", xml.text("//*[@class='edge'][1]//*[local-name()='text']"));
    assertTrue(xml.count("//*[starts-with(@id, 't-')]") >= 5, "ids prefixed");
    assertEquals(0, xml.count("//*[@id and not(starts-with(@id, 't-'))]"), "no id left unprefixed");
    assertEquals(first, r.draw(dot, GraphvizRenderer.Layout.DOT, "t"), "same input, same SVG");
    assertInstanceOf(Diagram.Unavailable.class, r.draw("digraph { a -> ", GraphvizRenderer.Layout.DOT, "bad"),
        "a syntax error is a note, not an exception");
  }

  @Test
  void anotherThreadCanDrawToo() throws Exception {
    assumeTrue(V8Natives.platformMatches(), "graphviz-java's V8 natives exist for Linux x86_64 here");
    GraphvizRenderer r = GraphvizRenderer.shared();
    Diagram[] out = new Diagram[1];
    // graphviz-java keeps one V8 runtime per thread; a report written from a worker thread must still draw.
    Thread worker = new Thread(() -> out[0] = r.draw("digraph { x -> y }", GraphvizRenderer.Layout.DOT, "w"));
    worker.start();
    worker.join();
    assertInstanceOf(Diagram.Drawn.class, out[0]);
  }

  @Test
  void aRendererThatIsOffGivesThePlainNote() {
    GraphvizRenderer off = GraphvizRenderer.off("forced off");
    assertFalse(off.available());
    Diagram d = off.draw("digraph { a }", GraphvizRenderer.Layout.DOT, "x");
    assertEquals(new Diagram.Unavailable("forced off"), d);
    assertEquals("<p class=\"sub diagram-unavailable\">diagram unavailable: forced off</p>\n", d.html("states"));
    assertEquals("none (forced off)", off.describe());
  }

  @Test
  void inliningStripsTheXmlPrologAndPrefixesIds() {
    Diagram d = GraphvizRenderer.inline("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><g id=\"node1\"/></svg>\n", "p");
    assertEquals(new Diagram.Drawn("<svg><g id=\"p-node1\"/></svg>"), d);
    assertInstanceOf(Diagram.Unavailable.class, GraphvizRenderer.inline("error", "p"));
  }
}
