package io.tumbler.lin.io.edn;

import clojure.java.api.Clojure;
import clojure.lang.IFn;

/**
 * The few Clojure functions the EDN support calls, resolved on first use: loading Clojure takes about a
 * second, and only EDN needs it (the checker, JSONL and Porcupine readers never touch it). The holder
 * idiom makes the first use thread-safe.
 */
final class ClojureRuntime {
  private ClojureRuntime() {}

  /** {@code clojure.edn/read}: one form from a PushbackReader, with options. */
  static IFn ednRead() {
    return Vars.EDN_READ;
  }

  /** {@code clojure.core/pr-str}: Clojure's printer, which EDN readers read back. */
  static IFn prStr() {
    return Vars.PR_STR;
  }

  /** {@code clojure.core/read-string}-free EDN parse of a whole string. */
  static IFn ednReadString() {
    return Vars.EDN_READ_STRING;
  }

  /** {@code clojure.core/=}: Clojure's data equality (a list equals a vector with the same items). */
  static IFn equality() {
    return Vars.EQUALS;
  }

  /** {@code clojure.core/tagged-literal}, the reader function for tags the file defines. */
  static IFn taggedLiteral() {
    return Vars.TAGGED_LITERAL;
  }

  private static final class Vars {
    static final IFn EDN_READ;
    static final IFn EDN_READ_STRING;
    static final IFn PR_STR = Clojure.var("clojure.core", "pr-str");
    static final IFn EQUALS = Clojure.var("clojure.core", "=");
    static final IFn TAGGED_LITERAL = Clojure.var("clojure.core", "tagged-literal");

    static {
      Clojure.var("clojure.core", "require").invoke(Clojure.read("clojure.edn"));
      EDN_READ = Clojure.var("clojure.edn", "read");
      EDN_READ_STRING = Clojure.var("clojure.edn", "read-string");
    }
  }
}
