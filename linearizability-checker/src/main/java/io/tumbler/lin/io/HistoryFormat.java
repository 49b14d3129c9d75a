package io.tumbler.lin.io;

/** The history file formats {@code tumbler check --format} accepts. */
public enum HistoryFormat {
  /** Decide from the file's extension and first line ({@link HistoryFiles#detect}). */
  AUTO("auto"),
  /** Tumbler's history.jsonl (schema v1). */
  JSONL("jsonl"),
  /** Jepsen/Knossos EDN op maps. */
  EDN("edn"),
  /** Porcupine's Jepsen etcd logs; implies model etcd-cas-register. */
  PORCUPINE_ETCD("porcupine-etcd"),
  /** Porcupine's kv test files; implies model kv-get-put-append. */
  PORCUPINE_KV("porcupine-kv");

  private final String cliName;

  HistoryFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line. */
  public String cliName() {
    return cliName;
  }

  /** The format named {@code name} on the command line, or null. */
  public static HistoryFormat fromCliName(String name) {
    for (HistoryFormat format : values()) {
      if (format.cliName.equals(name)) {
        return format;
      }
    }
    return null;
  }

  /** What one event of this format looks like, for a message about a file that has none. */
  public String expectedEvent() {
    switch (this) {
      case JSONL:
        return "JSON lines such as {\"process\":0,\"type\":\"invoke\",\"f\":\"read\",\"value\":null}";
      case EDN:
        return "EDN op maps such as {:process 0, :type :invoke, :f :read, :value nil}";
      case PORCUPINE_ETCD:
        return "log lines such as 'INFO  jepsen.util - 3 :invoke :read nil'";
      case PORCUPINE_KV:
        return "lines such as '{:process 0, :type :invoke, :f :get, :key \"k\", :value nil}'";
      default:
        return "operations in a known format";
    }
  }

  /** The model this format implies, or null when the file does not say. */
  public String impliedModel() {
    if (this == PORCUPINE_ETCD) {
      return "etcd-cas-register";
    }
    return this == PORCUPINE_KV ? "kv-get-put-append" : null;
  }
}
