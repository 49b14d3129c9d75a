package io.tumbler.lin.search;

/**
 * A model threw while stepping a call (an operation it does not know, a value of the wrong shape). The
 * search stops and the verdict is UNKNOWN with cause MODEL_ERROR: a broken model never passes a history.
 */
final class ModelFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ModelFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
