package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxTest {
    @Test
    void idsAreShortAndFromASmallAlphabet() {
        for (String ok : List.of("h1", "vm-3", "rack_2.host:7", "A", "x".repeat(IdSyntax.MAX_LENGTH))) {
            assertTrue(IdSyntax.isValid(ok), ok);
        }
        for (String bad : List.of("", "has space", "a/b", "é", "x".repeat(IdSyntax.MAX_LENGTH + 1))) {
            assertFalse(IdSyntax.isValid(bad), bad);
        }
        assertFalse(IdSyntax.isValid(null));
    }

    @Test
    void keysAreAbsoluteSlashSeparatedSegments() {
        for (String ok : List.of("/a", "/cluster/config/x", "/a.b/c-d/e_f/1:2", "/...")) {
            assertTrue(PathSyntax.isValidKey(ok), ok);
        }
        for (String bad : List.of("/", "", "a", "/a/", "//a", "/a//b", "/./a", "/a/..", "/a b", "/" + "x".repeat(65))) {
            assertFalse(PathSyntax.isValidKey(bad), bad);
        }
        assertTrue(PathSyntax.isValidPath("/"), "the root can be listed");
        String longest = "/" + "abcdefg/".repeat(63) + "abcdefg";
        assertEquals(PathSyntax.MAX_LENGTH, longest.length());
        assertTrue(PathSyntax.isValidKey(longest));
        assertFalse(PathSyntax.isValidKey(longest + "d"));
    }

    @Test
    void recordsRefuseMalformedFieldsAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VmCommand.StartVm("no spaces"));
        assertTrue(e.getMessage().contains("\"no spaces\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VmCommand.CreateVm("vm1", new Resources(0, 512)));
        assertThrows(IllegalArgumentException.class, () -> new VmCommand.RegisterHost("h1", new Resources(2, 0)));
        assertThrows(IllegalArgumentException.class, () -> new VmCommand.PutPath("/", Bytes.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new Resources(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Resources(0, Resources.MAX_MEMORY_MIB + 1));
        assertThrows(IllegalArgumentException.class, () -> new CasExpectation.Version(-1));
        assertThrows(IllegalArgumentException.class, () -> Resources.NONE.minus(new Resources(1, 0)));
    }

    @Test
    void bytesAreValuesWithDefensiveCopies() {
        byte[] raw = {1, 2, 3};
        Bytes bytes = Bytes.copyOf(raw);
        raw[0] = 9;
        assertEquals(Bytes.copyOf(new byte[] {1, 2, 3}), bytes, "a later change to the source array must not leak in");
        bytes.toByteArray()[1] = 9;
        assertEquals(Bytes.copyOf(new byte[] {1, 2, 3}), bytes, "a change to a returned array must not leak in");
        assertEquals("\"leader=n1\"", Bytes.utf8("leader=n1").toString());
        assertEquals("0x0102ff", Bytes.copyOf(new byte[] {1, 2, (byte) 0xFF}).toString());
    }
}
