package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathStoreTest {
    private final VmStateMachine machine = VmStateMachine.withInvariantChecks();

    private VmResult apply(VmCommand command) {
        return machine.apply(command);
    }

    private VmResult query(VmQuery query) {
        return machine.query(query);
    }

    private static Bytes v(String text) {
        return Bytes.utf8(text);
    }

    private static VmResult value(String path, String text, long version, long modRevision) {
        return new VmResult.PathValue(new PathEntry(path, v(text), version, modRevision));
    }

    @Test
    void putCreatesThenOverwritesCountingVersionsAndStoreRevisions() {
        assertEquals(value("/cluster/config/x", "1", 1, 1), apply(new VmCommand.PutPath("/cluster/config/x", v("1"))));
        assertEquals(value("/cluster/config/y", "a", 1, 2), apply(new VmCommand.PutPath("/cluster/config/y", v("a"))));
        assertEquals(value("/cluster/config/x", "2", 2, 3), apply(new VmCommand.PutPath("/cluster/config/x", v("2"))));
        assertEquals(value("/cluster/config/x", "2", 2, 3), query(new VmQuery.GetPath("/cluster/config/x")));
        assertEquals(3, machine.state().paths().revision());
    }

    @Test
    void getOfAnAbsentKeyIsAnOkAbsence() {
        VmResult result = query(new VmQuery.GetPath("/nothing"));
        assertEquals(new VmResult.Absent("/nothing"), result);
        assertTrue(result.isOk());
    }

    @Test
    void putIfAbsentCreatesOnlyOnce() {
        assertEquals(value("/lock", "n1", 1, 1), apply(new VmCommand.PutPathIfAbsent("/lock", v("n1"))));
        assertEquals(new VmResult.CasMismatch("/lock", new PathEntry("/lock", v("n1"), 1, 1)),
                apply(new VmCommand.PutPathIfAbsent("/lock", v("n2"))));
        assertEquals(1, machine.state().paths().revision(), "a refused write does not advance the revision");
    }

    @Test
    void compareAndSwapByValue() {
        apply(new VmCommand.PutPath("/k", v("a")));
        PathEntry current = new PathEntry("/k", v("a"), 1, 1);
        assertEquals(new VmResult.CasMismatch("/k", current),
                apply(new VmCommand.CompareAndSwapPath("/k", new CasExpectation.Value(v("b")), v("c"))));
        assertEquals(value("/k", "c", 2, 2), apply(new VmCommand.CompareAndSwapPath("/k", new CasExpectation.Value(v("a")), v("c"))));
        assertEquals(new VmResult.CasMismatch("/absent", null),
                apply(new VmCommand.CompareAndSwapPath("/absent", new CasExpectation.Value(Bytes.EMPTY), v("x"))));
    }

    @Test
    void compareAndSwapByVersionWithZeroMeaningAbsent() {
        assertEquals(value("/k", "a", 1, 1), apply(new VmCommand.CompareAndSwapPath("/k", new CasExpectation.Version(0), v("a"))));
        assertEquals(new VmResult.CasMismatch("/k", new PathEntry("/k", v("a"), 1, 1)),
                apply(new VmCommand.CompareAndSwapPath("/k", new CasExpectation.Version(0), v("b"))));
        assertEquals(value("/k", "b", 2, 2), apply(new VmCommand.CompareAndSwapPath("/k", new CasExpectation.Version(1), v("b"))));
    }

    @Test
    void modRevisionDefeatsTheAbaThatPerKeyVersionsAllow() {
        apply(new VmCommand.PutPath("/k", v("a")));                // version 1, modRevision 1
        apply(new VmCommand.DeletePath("/k", false));               // revision 2
        apply(new VmCommand.PutPath("/k", v("a2")));               // version 1 again, modRevision 3
        assertTrue(apply(new VmCommand.CompareAndSwapPath("/k", new CasExpectation.Version(1), v("x"))).isOk(),
                "the per-key version restarted, so a stale version-1 expectation still matches (ABA)");
        apply(new VmCommand.DeletePath("/k", false));
        apply(new VmCommand.PutPath("/k", v("a3")));
        VmResult stale = apply(new VmCommand.CompareAndSwapPath("/k", new CasExpectation.ModRevision(3), v("y")));
        assertEquals(new VmResult.CasMismatch("/k", new PathEntry("/k", v("a3"), 1, 6)), stale);
    }

    @Test
    void deleteIsFlatUnlessRecursive() {
        apply(new VmCommand.PutPath("/a", v("1")));
        apply(new VmCommand.PutPath("/a/b", v("2")));
        apply(new VmCommand.PutPath("/a/b/c", v("3")));
        apply(new VmCommand.PutPath("/ab", v("4")));
        assertEquals(new VmResult.PathsDeleted("/a", 1, 5), apply(new VmCommand.DeletePath("/a", false)));
        assertEquals(new VmResult.Absent("/a"), query(new VmQuery.GetPath("/a")));
        assertTrue(query(new VmQuery.GetPath("/a/b")) instanceof VmResult.PathValue, "descendants survive a flat delete");
        assertEquals(new VmResult.PathsDeleted("/a", 2, 6), apply(new VmCommand.DeletePath("/a", true)));
        assertTrue(query(new VmQuery.GetPath("/ab")) instanceof VmResult.PathValue, "/ab is a sibling, not a child");
        assertEquals(1, machine.state().paths().entries().size());
    }

    @Test
    void aRecursiveDeleteRemovesTheKeyItselfToo() {
        apply(new VmCommand.PutPath("/a", v("1")));
        apply(new VmCommand.PutPath("/a/b", v("2")));
        assertEquals(new VmResult.PathsDeleted("/a", 2, 3), apply(new VmCommand.DeletePath("/a", true)));
        assertEquals(new VmResult.Absent("/a"), query(new VmQuery.GetPath("/a")));
        apply(new VmCommand.PutPath("/x", v("")));
        assertEquals(new VmResult.PathsDeleted("/x", 1, 5), apply(new VmCommand.DeletePath("/x", true)), "a lone key");
    }

    @Test
    void deleteOfNothingIsRefused() {
        assertEquals(new VmResult.Rejected(RejectReason.PATH_NOT_FOUND, "/a"), apply(new VmCommand.DeletePath("/a", false)));
        assertEquals(new VmResult.Rejected(RejectReason.PATH_NOT_FOUND, "/a"), apply(new VmCommand.DeletePath("/a", true)));
        apply(new VmCommand.PutPath("/a/b", v("x")));
        assertEquals(new VmResult.Rejected(RejectReason.PATH_NOT_FOUND, "/a"), apply(new VmCommand.DeletePath("/a", false)));
        assertEquals(1, machine.state().paths().revision());
    }

    @Test
    void listChildrenNamesEachNextSegmentOnceInOrder() {
        for (String path : List.of("/svc/web", "/svc/web/1", "/svc/web.old", "/svc/web/2/x", "/svc/db", "/svcs/z", "/top")) {
            apply(new VmCommand.PutPath(path, v("")));
        }
        // "/svc/web.old" sorts between "/svc/web" and "/svc/web/...": names must still come out once each.
        assertEquals(new VmResult.PathChildren("/svc", List.of("db", "web", "web.old")), query(new VmQuery.ListChildren("/svc")));
        assertEquals(new VmResult.PathChildren("/svc/web", List.of("1", "2")), query(new VmQuery.ListChildren("/svc/web")));
        assertEquals(new VmResult.PathChildren("/", List.of("svc", "svcs", "top")), query(new VmQuery.ListChildren("/")));
        assertEquals(new VmResult.PathChildren("/none", List.of()), query(new VmQuery.ListChildren("/none")));
    }
}
