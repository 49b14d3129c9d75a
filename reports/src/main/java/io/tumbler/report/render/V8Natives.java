package io.tumbler.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads J2V8's native library (the JavaScript engine graphviz-java's V8 engine runs viz.js in) from our cache
 * directory, with its executable-stack flag cleared, before J2V8 loads it itself.
 *
 * <p>Why: the shipped {@code libj2v8_linux_x86_64.so} is marked as needing an executable stack
 * ({@code PT_GNU_STACK} with {@code PF_X}); the JVM then warns on stderr that it disabled the stack guard, and
 * makes thread stacks executable. V8 never runs code from the stack, so clearing the flag (what
 * {@code execstack -c} does) is safe and silences the warning.
 *
 * <p>How it stays safe with J2V8's own loader, which always deletes the file in its directory, extracts a
 * fresh copy under the same name and calls {@code System.load} on it: we write our patched copy to a temporary
 * file and rename it onto that exact path, then {@code System.load} it. J2V8's later delete only unlinks the
 * name (our mapping keeps its inode), and its {@code System.load} of the same canonical path is a no-op because
 * the library is already loaded by the same class loader. Callers must hold a lock on the directory across
 * this and J2V8's start, so that two JVMs never interleave. When anything here fails, nothing was loaded and
 * J2V8 loads its unpatched copy as usual (the JVM warning then appears once).
 */
final class V8Natives {
  static final String LIBRARY = "libj2v8_linux_x86_64.so";
  private static final int PT_GNU_STACK = 0x6474e551;
  private static final int PF_X = 1;

  private V8Natives() {}

  /** Whether this JVM is the platform the bundled library is built for. */
  static boolean platformMatches() {
    String arch = System.getProperty("os.arch", "");
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")
        && (arch.equals("amd64") || arch.equals("x86_64"));
  }

  /**
   * Writes the patched library to {@code dir/libj2v8_linux_x86_64.so} and loads it; returns what happened, in
   * words, for the report's small print ("" when the library was loaded patched).
   */
  static String preload(Path dir) {
    if (!platformMatches()) {
      return "not linux x86_64: J2V8 loads its own copy";
    }
    byte[] lib;
    try (InputStream in = V8Natives.class.getResourceAsStream("/" + LIBRARY)) {
      if (in == null) {
        return LIBRARY + " is not on the class path";
      }
      lib = in.readAllBytes();
    } catch (IOException e) {
      return "cannot read " + LIBRARY + ": " + e.getMessage();
    }
    if (!clearExecutableStack(lib)) {
      return "no executable-stack flag found to clear";
    }
    Path target = dir.resolve(LIBRARY);
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "j2v8-", ".so.tmp");
      Files.write(temp, lib);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.load(target.toAbsolutePath().toString());
      return "";
    } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
      deleteQuietly(temp);
      return "patched copy not loaded (" + e.getMessage() + ")";
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A stray temporary file in the cache directory is harmless; the report matters more.
    }
  }

  /**
   * Clears {@code PF_X} of the {@code PT_GNU_STACK} program header of a little-endian ELF64 image, in place;
   * false when the image is not one or has no such header with the flag set.
   */
  static boolean clearExecutableStack(byte[] elf) {
    boolean elf64le = elf.length > 64 && elf[0] == 0x7f && elf[1] == 'E' && elf[2] == 'L' && elf[3] == 'F'
        && elf[4] == 2 && elf[5] == 1;
    if (!elf64le) {
      return false;
    }
    ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
    long headers = b.getLong(0x20);
    int size = Short.toUnsignedInt(b.getShort(0x36));
    int count = Short.toUnsignedInt(b.getShort(0x38));
    if (headers <= 0 || size < 8 || headers + (long) size * count > elf.length) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      int at = (int) headers + i * size;
      if (b.getInt(at) == PT_GNU_STACK && (b.getInt(at + 4) & PF_X) != 0) {
        b.putInt(at + 4, b.getInt(at + 4) & ~PF_X);
        return true;
      }
    }
    return false;
  }
}
