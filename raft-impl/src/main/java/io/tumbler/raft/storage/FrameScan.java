package io.tumbler.raft.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one file read front to back, up to the first invalid frame (if any).
 *
 * @param frames the valid frames in file order
 * @param invalid the first invalid frame, or null when the file ends cleanly after the last frame
 */
public record FrameScan(List<FrameRead.Frame> frames, FrameRead.Invalid invalid) {
    public FrameScan {
        frames = List.copyOf(frames);
    }

    /** Scans the first {@code limit} bytes of {@code bytes}. */
    public static FrameScan of(byte[] bytes, int limit) {
        List<FrameRead.Frame> frames = new ArrayList<>();
        int offset = 0;
        while (true) {
            FrameRead read = RecordFrame.readAt(bytes, offset, limit);
            if (read instanceof FrameRead.Frame frame) {
                frames.add(frame);
                offset = frame.end();
            } else if (read instanceof FrameRead.Invalid bad) {
                return new FrameScan(frames, bad);
            } else {
                return new FrameScan(frames, null);
            }
        }
    }

    /** The offset just past the last valid frame: where a torn tail would be cut. */
    public int validEnd() {
        return frames.isEmpty() ? 0 : frames.get(frames.size() - 1).end();
    }
}
