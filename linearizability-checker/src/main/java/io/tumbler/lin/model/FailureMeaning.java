package io.tumbler.lin.model;

/**
 * What a {@code fail} completion means to a model (see the corpus MANIFEST, pitfall 2).
 */
public enum FailureMeaning {
  /**
   * The operation did not take effect, and its failure says nothing about the state: the checker drops
   * the call (Knossos's {@code history/without-failures}).
   */
  DID_NOT_HAPPEN,
  /**
   * The operation was applied and refused, like an etcd CAS whose compare failed: a definite response
   * that must be linearized and constrains the state ({@code Model.step} sees {@code call.isFailed()}).
   */
  DEFINITE_RESPONSE
}
