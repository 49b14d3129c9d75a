package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class VmOperationKindTest {
    @Test
    void everyCommandAndQueryTypeHasExactlyOneKind() {
        int types = 0;
        for (Class<?> sealed : new Class<?>[] {VmCommand.class, VmQuery.class}) {
            for (Class<?> type : sealed.getPermittedSubclasses()) {
                long kinds = java.util.Arrays.stream(VmOperationKind.values()).filter(k -> k.operationType() == type).count();
                assertEquals(1, kinds, type.getSimpleName());
                types++;
            }
        }
        assertEquals(VmOperationKind.values().length, types, "no kind without a record type");
    }

    @Test
    void fNamesAreUniqueKebabCaseAndResolveBack() {
        TreeSet<String> seen = new TreeSet<>();
        for (VmOperationKind kind : VmOperationKind.values()) {
            assertTrue(kind.f().matches("[a-z]+(-[a-z]+)*"), kind.f());
            assertTrue(seen.add(kind.f()), "duplicate " + kind.f());
            assertEquals(Optional.of(kind), VmOperationKind.fromF(kind.f()));
        }
        assertEquals(Optional.empty(), VmOperationKind.fromF("reboot-vm"));
    }

    @Test
    void theNamesTheHarnessUsesAreHere() {
        for (String f : new String[] {"create-vm", "start-vm", "register-host", "cas-path", "put-path", "get-path"}) {
            assertTrue(VmOperationKind.fromF(f).isPresent(), f);
        }
    }

    @Test
    void commandsAndQueriesMapToTheirKinds() {
        for (VmCommand command : VmSamples.commands()) {
            VmOperationKind kind = VmOperationKind.of(command);
            assertFalse(kind.isRead(), kind.f());
            assertTrue(kind.operationType().isInstance(command));
        }
        for (VmQuery query : VmSamples.queries()) {
            assertTrue(VmOperationKind.of(query).isRead());
        }
        assertEquals("create-vm", VmOperationKind.of(new VmCommand.CreateVm("v", new Resources(1, 1))).f());
    }
}
