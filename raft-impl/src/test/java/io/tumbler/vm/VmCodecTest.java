package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class VmCodecTest {
    /** A codec under test: its encoder and decoder, and the samples to feed it. */
    private record Case<T>(String name, List<T> samples, Function<T, byte[]> encode, Function<byte[], T> decode) {}

    private static List<Case<?>> cases() {
        return List.of(
                new Case<>("command", VmSamples.commands(), VmCodec::encodeCommand, VmCodec::decodeCommand),
                new Case<>("query", VmSamples.queries(), VmCodec::encodeQuery, VmCodec::decodeQuery),
                new Case<>("result", VmSamples.results(), VmCodec::encodeResult, VmCodec::decodeResult));
    }

    @Test
    void samplesCoverEveryRecordType() {
        assertCovers(VmCommand.class, VmSamples.commands());
        assertCovers(VmQuery.class, VmSamples.queries());
        assertCovers(VmResult.class, VmSamples.results());
    }

    private static void assertCovers(Class<?> sealed, List<?> samples) {
        for (Class<?> type : sealed.getPermittedSubclasses()) {
            assertTrue(samples.stream().anyMatch(type::isInstance), "no sample of " + type.getSimpleName());
        }
    }

    @Test
    void everySampleRoundTripsToAnEqualValueAndIdenticalBytes() {
        cases().forEach(VmCodecTest::assertRoundTrips);
    }

    private static <T> void assertRoundTrips(Case<T> c) {
        for (T sample : c.samples()) {
            byte[] encoded = c.encode().apply(sample);
            T decoded = c.decode().apply(encoded);
            assertEquals(sample, decoded, c.name());
            assertArrayEquals(encoded, c.encode().apply(decoded), "canonical: " + sample);
        }
    }

    @Test
    void everyStrictPrefixIsRefusedAsTruncated() {
        cases().forEach(VmCodecTest::assertPrefixesRefused);
    }

    private static <T> void assertPrefixesRefused(Case<T> c) {
        for (T sample : c.samples()) {
            byte[] encoded = c.encode().apply(sample);
            for (int length = 0; length < encoded.length; length++) {
                byte[] prefix = Arrays.copyOf(encoded, length);
                VmCodecException e = assertThrows(VmCodecException.class, () -> c.decode().apply(prefix),
                        sample + " cut to " + length);
                assertTrue(e.getMessage().startsWith(c.name() + " at byte "), e.getMessage());
            }
        }
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] encoded = VmCodec.encodeCommand(new VmCommand.StartVm("vm1"));
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        VmCodecException e = assertThrows(VmCodecException.class, () -> VmCodec.decodeCommand(longer));
        assertEquals("command at byte " + encoded.length + ": 1 unexpected trailing byte(s)", e.getMessage());
        assertEquals(encoded.length, e.offset());
    }

    @Test
    void theHeaderNamesTheKindAndTheVersion() {
        byte[] result = VmCodec.encodeResult(new VmResult.Absent("x"));
        VmCodecException wrongKind = assertThrows(VmCodecException.class, () -> VmCodec.decodeCommand(result));
        assertTrue(wrongKind.getMessage().contains("expected header 'C'") && wrongKind.getMessage().contains("not a command"),
                wrongKind.getMessage());
        byte[] future = VmCodec.encodeCommand(new VmCommand.StartVm("vm1"));
        future[1] = 2;
        VmCodecException wrongVersion = assertThrows(VmCodecException.class, () -> VmCodec.decodeCommand(future));
        assertEquals("command at byte 2: unsupported format version 2 (this build reads version 1)", wrongVersion.getMessage());
    }

    @Test
    void unknownTagsAndCodesAreRefused() {
        assertMessage("command at byte 3: unknown command tag 99", () -> VmCodec.decodeCommand(new byte[] {'C', 1, 99}));
        assertMessage("query at byte 3: unknown query tag 0", () -> VmCodec.decodeQuery(new byte[] {'Q', 1, 0}));
        byte[] rejected = VmCodec.encodeResult(new VmResult.Rejected(RejectReason.HOST_EXISTS, "h"));
        rejected[3] = 77;
        assertMessage("result at byte 4: unknown reject reason code 77", () -> VmCodec.decodeResult(rejected));
    }

    @Test
    void nonMinimalVarintsAndMalformedFieldsAreRefused() {
        // StartVm with the id length 3 written as the two-byte varint 0x83 0x00.
        byte[] overlong = {'C', 1, CommandCodec.START_VM, (byte) 0x83, 0x00, 'v', 'm', '1'};
        assertMessage("command at byte 5: vmId length is not minimally encoded", () -> VmCodec.decodeCommand(overlong));
        byte[] badId = {'C', 1, CommandCodec.START_VM, 2, 'v', ' '};
        VmCodecException e = assertThrows(VmCodecException.class, () -> VmCodec.decodeCommand(badId));
        assertTrue(e.getMessage().startsWith("command at byte 6: invalid value: vm id must be"), e.getMessage());
        byte[] badUtf8 = {'C', 1, CommandCodec.START_VM, 1, (byte) 0xC3};
        assertMessage("command at byte 5: vmId is not well-formed UTF-8", () -> VmCodec.decodeCommand(badUtf8));
        byte[] hugeLength = {'C', 1, CommandCodec.START_VM, (byte) 0xFF, (byte) 0xFF, 0x07};
        VmCodecException huge = assertThrows(VmCodecException.class, () -> VmCodec.decodeCommand(hugeLength));
        assertTrue(huge.getMessage().contains("length must be at most"), huge.getMessage());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable decode) {
        assertEquals(expected, assertThrows(VmCodecException.class, decode).getMessage());
    }

    /**
     * Decoder robustness: random damage to valid encodings either is refused with a {@link VmCodecException}
     * or decodes to a value whose encoding is exactly the damaged bytes (no other exception, no two
     * encodings of one value).
     */
    @Test
    void damagedEncodingsAreRefusedCleanlyOrDecodeCanonically() {
        SplitMix64 random = new SplitMix64(0xDA3A6EL);
        int refused = 0;
        int accepted = 0;
        for (int round = 0; round < 20_000; round++) {
            Case<?> c = cases().get(random.nextInt(3));
            boolean ok = decodesCanonicallyOrRefuses(c, random);
            refused += ok ? 0 : 1;
            accepted += ok ? 1 : 0;
        }
        assertTrue(refused > 1000 && accepted > 1000, "both outcomes should be exercised: " + refused + "/" + accepted);
    }

    private static <T> boolean decodesCanonicallyOrRefuses(Case<T> c, SplitMix64 random) {
        byte[] damaged = c.encode().apply(random.pick(c.samples()));
        int flips = random.between(1, 3);
        for (int i = 0; i < flips; i++) {
            int at = 2 + random.nextInt(damaged.length - 2);
            damaged[at] = random.percent(50) ? (byte) random.nextInt(256) : (byte) (damaged[at] ^ (1 << random.nextInt(8)));
        }
        T decoded;
        try {
            decoded = c.decode().apply(damaged);
        } catch (VmCodecException refused) {
            return false;
        }
        assertArrayEquals(damaged, c.encode().apply(decoded), "accepted damaged bytes must be canonical: " + decoded);
        return true;
    }

    @Test
    void theStateMachineTurnsUndecodableInputIntoAMalformedResult() {
        VmStateMachine machine = VmStateMachine.withInvariantChecks();
        machine.apply(new VmCommand.RegisterHost("h1", new Resources(1, 1)));
        long digest = machine.digest();
        VmResult applied = VmCodec.decodeResult(machine.apply(1, new byte[] {'C', 1, 99}));
        assertEquals(new VmResult.Malformed("command at byte 3: unknown command tag 99"), applied);
        assertFalse(applied.isOk());
        assertEquals(digest, machine.digest());
        VmResult queried = VmCodec.decodeResult(machine.query(new byte[0]));
        assertEquals(new VmResult.Malformed("query at byte 0: truncated: expected header"), queried);
    }

    @Test
    void encodingsAreCompact() {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(VmCodec.encodeCommand(new VmCommand.StartVm("vm-1")).length);
        sizes.add(VmCodec.encodeCommand(new VmCommand.CreateVm("vm-1", new Resources(2, 3072))).length);
        sizes.add(VmCodec.encodeResult(new VmResult.VmInfo(VmSamples.PLACED)).length);
        assertEquals(List.of(8, 11, 16), sizes, "header 2 + tag 1 + fields; ids are length-prefixed ASCII");
    }
}
