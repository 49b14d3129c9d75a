package io.tumbler.vm;

import io.tumbler.raft.node.StateMachine;
import java.util.List;

/**
 * The VM-orchestration state machine: a pure, deterministic function from the committed command
 * sequence to a {@link VmState}, plugged into a Raft node through the {@link StateMachine} port.
 *
 * <p>Contract, beyond the port's: {@link #apply(long, byte[])} accepts any bytes and never throws for
 * bad input; an undecodable command yields a {@link VmResult.Malformed} result and changes nothing, the
 * same on every replica. Log indexes must strictly increase between restores (a repeated or backward
 * index means the driver applied an entry twice, and throws). Not thread-safe: the node's single thread
 * owns it.
 *
 * <p><b>Checking mode</b> ({@link #withInvariantChecks()}, for simulation and tests): after every apply
 * and restore it runs {@link VmInvariants#check} and asserts that a result that is not
 * {@linkplain VmResult#isOk() ok} left the digest unchanged; a breach throws {@link IllegalStateException}
 * naming the index, the command and every violation, so the run fails with its seed. It costs a pass over
 * the state per apply, so production leaves it off.
 */
public final class VmStateMachine implements StateMachine {
    private final boolean checking;
    private VmState state = new VmState();
    private long lastAppliedIndex;

    private VmStateMachine(boolean checking) {
        this.checking = checking;
    }

    /** A state machine for production: no per-apply invariant checks. */
    public VmStateMachine() {
        this(false);
    }

    /** A state machine that checks every invariant after every apply and restore. */
    public static VmStateMachine withInvariantChecks() {
        return new VmStateMachine(true);
    }

    /** The state decoded from a {@link #snapshot} image, for inspection; throws {@link VmCodecException}. */
    public static VmState stateOf(byte[] snapshot) {
        return SnapshotCodec.decode(snapshot).state();
    }

    @Override
    public byte[] apply(long index, byte[] command) {
        if (index <= lastAppliedIndex) {
            throw new IllegalArgumentException("log index " + index + " applied after " + lastAppliedIndex
                    + ": the driver applied an entry twice or out of order");
        }
        lastAppliedIndex = index;
        VmCommand decoded;
        try {
            decoded = VmCodec.decodeCommand(command);
        } catch (VmCodecException e) {
            return VmCodec.encodeResult(new VmResult.Malformed(e.getMessage()));
        }
        return VmCodec.encodeResult(apply(decoded));
    }

    /** Applies a command given as a value (the typed core of {@link #apply(long, byte[])}). */
    public VmResult apply(VmCommand command) {
        long digestBefore = checking ? state.digest() : 0;
        VmResult result = dispatch(command);
        if (checking) {
            assertSound("applying " + command + " (log index " + lastAppliedIndex + ")");
            if (!result.isOk() && state.digest() != digestBefore) {
                throw new IllegalStateException("refused command changed the state: " + command + " -> " + result);
            }
        }
        return result;
    }

    @Override
    public byte[] query(byte[] query) {
        VmQuery decoded;
        try {
            decoded = VmCodec.decodeQuery(query);
        } catch (VmCodecException e) {
            return VmCodec.encodeResult(new VmResult.Malformed(e.getMessage()));
        }
        return VmCodec.encodeResult(query(decoded));
    }

    /** Answers a query given as a value. */
    public VmResult query(VmQuery query) {
        return QueryEvaluator.answer(state, query);
    }

    /** The canonical image of the state (equal states give equal bytes) and the last applied index. */
    @Override
    public byte[] snapshot() {
        return SnapshotCodec.encode(state, lastAppliedIndex);
    }

    /**
     * Replaces the whole state by a {@link #snapshot} image, atomically: a corrupt image throws
     * {@link VmCodecException} and leaves the current state as it was.
     */
    @Override
    public void restore(byte[] snapshot) {
        SnapshotCodec.Image image = SnapshotCodec.decode(snapshot);
        state = image.state();
        lastAppliedIndex = image.lastAppliedIndex();
        if (checking) {
            assertSound("restoring a snapshot at log index " + lastAppliedIndex);
        }
    }

    @Override
    public long digest() {
        return state.digest();
    }

    /** The live state (read-only outside this package); a {@link #restore} replaces it, so re-read after one. */
    public VmState state() {
        return state;
    }

    /** The index of the last command applied (or restored), 0 before any. */
    public long lastAppliedIndex() {
        return lastAppliedIndex;
    }

    private VmResult dispatch(VmCommand command) {
        if (command instanceof VmCommand.RegisterHost c) {
            return HostLifecycle.register(state, c);
        } else if (command instanceof VmCommand.DrainHost c) {
            return HostLifecycle.drain(state, c);
        } else if (command instanceof VmCommand.FailHost c) {
            return HostLifecycle.fail(state, c);
        } else if (command instanceof VmCommand.RecoverHost c) {
            return HostLifecycle.recover(state, c);
        } else if (command instanceof VmCommand.CreateVm c) {
            return VmLifecycle.create(state, c);
        } else if (command instanceof VmCommand.StartVm c) {
            return VmLifecycle.start(state, c);
        } else if (command instanceof VmCommand.StopVm c) {
            return VmLifecycle.stop(state, c);
        } else if (command instanceof VmCommand.DeleteVm c) {
            return VmLifecycle.delete(state, c);
        } else if (command instanceof VmCommand.MigrateVm c) {
            return VmLifecycle.migrate(state, c);
        } else if (command instanceof VmCommand.PutPath c) {
            return state.paths().put(c);
        } else if (command instanceof VmCommand.PutPathIfAbsent c) {
            return state.paths().putIfAbsent(c);
        } else if (command instanceof VmCommand.CompareAndSwapPath c) {
            return state.paths().compareAndSwap(c);
        } else if (command instanceof VmCommand.DeletePath c) {
            return state.paths().delete(c);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private void assertSound(String during) {
        List<Violation> violations = VmInvariants.check(state);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("VM invariants broken after " + during + ": " + violations);
        }
    }
}
