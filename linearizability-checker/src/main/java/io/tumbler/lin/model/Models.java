package io.tumbler.lin.model;

import io.tumbler.lin.model.paths.PathsModel;
import io.tumbler.lin.model.vm.VmModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of models by name: what {@code tumbler check --model} accepts, including every model name
 * of the corpus's verdicts.csv.
 */
public final class Models {
  private static final Map<String, String> DESCRIPTIONS = descriptions();

  private Models() {}

  private static Map<String, String> descriptions() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("register", "Knossos register: read/write; an ok read of nil is a wildcard; init 0 (--init)");
    names.put("cas-register", "Knossos cas-register: read/write/cas [from to]; nil read is a wildcard; fail = did not happen; init 0 (--init)");
    names.put("etcd-cas-register", "Porcupine/ahorn etcd register: starts absent; nil read = absent; a failed cas is a failed compare");
    names.put("multi-register", "Knossos multi-register: txn of [:read k v]/[:write k v]; every key starts at 0 (--init)");
    names.put("kv", "map of registers, values [key v]: read/write/cas [from to]; keys start absent; checked per key");
    names.put("kv-get-put-append", "Porcupine kv: get/put/append [key string]; keys start \"\"; checked per key");
    names.put("set", "grow-only set: add v; read returns the whole set");
    names.put("mutex", "Knossos mutex: acquire/release");
    names.put("vm", "VM-orchestration service: hosts, capacity, VM lifecycle and placement (see README)");
    names.put("paths", "hierarchical path store: get/put/delete/cas/put-if-absent; checked per path (see README)");
    return names;
  }

  /** Every model name, in catalog order. */
  public static List<String> names() {
    return new ArrayList<>(DESCRIPTIONS.keySet());
  }

  /** A one-line description of model {@code name}, for {@code --help}. */
  public static String describe(String name) {
    return DESCRIPTIONS.get(name);
  }

  /** Whether {@code name} is in the catalog. */
  public static boolean exists(String name) {
    return DESCRIPTIONS.containsKey(name);
  }

  /**
   * The model called {@code name}.
   *
   * @throws IllegalArgumentException naming the known models when there is no such model
   */
  public static Model<?> named(String name, ModelOptions options) {
    switch (name) {
      case "register":
        return new KnossosRegisterModel(false, options.initialValueOr(0L));
      case "cas-register":
        return new KnossosRegisterModel(true, options.initialValueOr(0L));
      case "etcd-cas-register":
        return new EtcdCasRegisterModel();
      case "multi-register":
        return new MultiRegisterModel(options.initialValueOr(0L));
      case "kv":
        return new KvModel();
      case "kv-get-put-append":
        return new KvGetPutAppendModel();
      case "set":
        return new SetModel();
      case "mutex":
        return new MutexModel();
      case "vm":
        return new VmModel();
      case "paths":
        return new PathsModel();
      default:
        throw new IllegalArgumentException("unknown model '" + name + "'; expected one of " + String.join(", ", names()));
    }
  }
}
