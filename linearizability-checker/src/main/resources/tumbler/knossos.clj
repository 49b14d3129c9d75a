(ns tumbler.knossos
  "Tumbler's linearizability checker behind a Knossos-shaped API, so that a Jepsen test can call it where
  it would call knossos.wgl/analysis. Histories are sequences of Jepsen op maps; results are Knossos
  result maps: {:valid? true|false|:unknown, :op .., :previous-ok .., :final-paths #{..}, ...}."
  (:import (io.tumbler.lin.io.edn KnossosBridge)))

(defn analysis
  "Checks history against the model named model-name (a string or keyword: :cas-register,
  :etcd-cas-register, :multi-register, :mutex, :register, :kv, :kv-get-put-append, :set, :vm, :paths).

  opts (optional map): :init, the initial register value (default 0, as the Knossos tests; nil allowed),
  and :time-limit-ms, after which the result is {:valid? :unknown, :cause :timeout}."
  ([model-name history]
   (analysis model-name history {}))
  ([model-name history opts]
   (KnossosBridge/analysis (name model-name) history opts)))
