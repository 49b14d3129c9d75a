package io.tumbler.lin.counterexample;

import io.tumbler.lin.history.Call;

/**
 * One step of a {@link FinalPath}: a call and the model state after it, Knossos's {@code {:op ...,
 * :model ...}}.
 *
 * @param call        the call applied; null for the first step of a path from the initial state
 * @param legal       whether the call could take effect; the last step of a final path is illegal
 * @param state       the state after the call (the state it was tried in, when illegal)
 * @param description the state described by the model, or why the call is illegal
 */
public record PathStep(Call call, boolean legal, Object state, String description) {}
