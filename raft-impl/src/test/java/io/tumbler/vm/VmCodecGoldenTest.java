package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format: the encoding of every sample command, query and result, and of one snapshot, as
 * hex. A diff here means the format changed, which must come with a new {@link VmCodec#FORMAT_VERSION}.
 * Regenerate with {@code -Dtumbler.golden.update=true} and review the diff.
 *
 * <p>The golden file sits next to this test (the VM helper owns only this source folder) and is found
 * through the {@code tumbler.root} property that Surefire sets.
 */
class VmCodecGoldenTest {
    private static final String GOLDEN = "raft-impl/src/test/java/io/tumbler/vm/vm-codec-v1.golden.txt";

    @Test
    void encodingsMatchTheGoldenFile() throws IOException {
        String actual = render();
        Path golden = Path.of(System.getProperty("tumbler.root", ".."), GOLDEN);
        if (Boolean.getBoolean("tumbler.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                "wire format changed; if on purpose, bump VmCodec.FORMAT_VERSION and rerun with -Dtumbler.golden.update=true");
    }

    private static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# VM codec format v").append(VmCodec.FORMAT_VERSION).append(": one value per line, then its encoding in hex.\n");
        for (VmCommand command : VmSamples.commands()) {
            line(out, command, VmCodec.encodeCommand(command));
        }
        for (VmQuery query : VmSamples.queries()) {
            line(out, query, VmCodec.encodeQuery(query));
        }
        for (VmResult result : VmSamples.results()) {
            line(out, result, VmCodec.encodeResult(result));
        }
        line(out, "snapshot of a small state", sampleSnapshot());
        return out.toString();
    }

    private static byte[] sampleSnapshot() {
        VmStateMachine machine = new VmStateMachine();
        List<VmCommand> commands = List.of(new VmCommand.RegisterHost("h1", new Resources(8, 8192)),
                new VmCommand.CreateVm("vm-1", new Resources(2, 1024)), new VmCommand.StartVm("vm-1"),
                new VmCommand.PutPath("/cluster/config/x", Bytes.utf8("on")));
        long index = 0;
        for (VmCommand command : commands) {
            machine.apply(index += 2, VmCodec.encodeCommand(command));
        }
        return machine.snapshot();
    }

    private static void line(StringBuilder out, Object value, byte[] encoded) {
        out.append(value).append('\n').append("  ");
        for (byte b : encoded) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        out.append('\n');
    }
}
