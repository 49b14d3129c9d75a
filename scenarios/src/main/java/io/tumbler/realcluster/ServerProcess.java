package io.tumbler.realcluster;

import io.tumbler.raft.runtime.RaftClient;
import io.tumbler.raft.runtime.RaftServerMain;
import io.tumbler.raft.runtime.ServerStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * One node of a real cluster: a {@link RaftServerMain} in its own JVM, with its own data directory, appending
 * stdout and stderr to {@code server.log} beside it. It can be killed with SIGKILL ({@link #kill}) and started
 * again on the same directory, or frozen with SIGSTOP and thawed with SIGCONT ({@link #pause}, {@link #resume}).
 *
 * <p>The child is started with {@code --exit-with} this JVM's pid, so it ends when the harness ends, however the
 * harness ends. Methods are called from the run's nemesis and main threads; they are synchronized on this object.
 */
final class ServerProcess {
    private final int id;
    private final int clientPort;
    private final int metricsPort;
    private final Path dataDir;
    private final Path logFile;
    private final List<String> command;
    private Process process;
    private boolean paused;
    private boolean killedByUs;
    private int starts;
    private final List<Integer> unexpectedExits = new ArrayList<>();
    /** Whether the harness ever gave this node a full or read-only disk (see {@link #diskFaultApplied}). */
    private boolean diskFaulted;

    /** A node logging to {@code nodeDir/server.log} and keeping its files in {@code dataDir}. */
    ServerProcess(int id, int clientPort, int metricsPort, Map<Integer, Integer> peerPorts, Path nodeDir, Path dataDir,
            List<String> extraFlags) {
        this.id = id;
        this.clientPort = clientPort;
        this.metricsPort = metricsPort;
        this.dataDir = dataDir;
        this.logFile = nodeDir.resolve("server.log");
        StringJoiner peers = new StringJoiner(",");
        peerPorts.forEach((node, port) -> peers.add(node + "=127.0.0.1:" + port));
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", serverClasspath(), RaftServerMain.class.getName(),
                "--id", Integer.toString(id), "--peers", peers.toString(), "--data", dataDir.toString(),
                "--tick-millis", "50", "--exit-with", Long.toString(ProcessHandle.current().pid()),
                "--metrics-port", Integer.toString(metricsPort)));
        cmd.addAll(extraFlags);
        this.command = List.copyOf(cmd);
    }

    int id() {
        return id;
    }

    /** The real port: clients talk to it directly; peers reach it only through the proxies. */
    int clientPort() {
        return clientPort;
    }

    /** Where the server serves {@code /metrics} (Prometheus text). */
    int metricsPort() {
        return metricsPort;
    }

    Path logFile() {
        return logFile;
    }

    /** The command line that starts this node (for run.json). */
    List<String> command() {
        return command;
    }

    /** Starts the JVM (again, after a kill, on the same data directory). */
    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("node " + id + " is already running (pid " + process.pid() + ")");
        }
        Integer exit = exitedOnItsOwn();
        if (exit != null && !isDiskFaultHalt(exit)) {
            unexpectedExits.add(exit);
        }
        Files.createDirectories(dataDir);
        Files.writeString(logFile, "=== start " + (++starts) + " of node " + id + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        paused = false;
        killedByUs = false;
    }

    /** SIGKILL: no shutdown hook runs, unsynced writes are the OS's to keep or lose. Waits for the exit. */
    synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        killedByUs = true;
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        paused = false;
    }

    /** SIGSTOP: the JVM freezes, its sockets stay open and its peers see silence. */
    synchronized void pause() throws IOException, InterruptedException {
        if (isAlive() && !paused) {
            signal("STOP");
            paused = true;
        }
    }

    /** SIGCONT after {@link #pause}. */
    synchronized void resume() throws IOException, InterruptedException {
        if (isAlive() && paused) {
            signal("CONT");
            paused = false;
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new IOException("kill -" + name + " " + process.pid() + " failed (node " + id + ")");
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized boolean isPaused() {
        return paused;
    }

    /** The exit code if the process ended without being killed by the harness, else null. */
    synchronized Integer exitedOnItsOwn() {
        if (process == null || process.isAlive() || killedByUs) {
            return null;
        }
        return process.exitValue();
    }

    /**
     * Takes the node's own exit as the expected reaction to a disk fault the harness applied: a fail-stop halt
     * (status 1) is then not counted among {@link #unexpectedExits}. Returns what it saw: the exit and the halt
     * reason from the log, "running" when the process is still up, or the exit that is not a halt (still counted).
     */
    synchronized String acknowledgeFailStop() {
        Integer exit = exitedOnItsOwn();
        if (exit == null) {
            return isAlive() ? "still running" : "not running";
        }
        if (exit != 1) {
            return "exited with status " + exit + ", not a fail-stop halt";
        }
        killedByUs = true;
        String reason = lastHaltReason();
        return "halted, exit 1" + (reason.isEmpty() ? "" : ": " + reason);
    }

    /**
     * Marks that the harness gave this node a full or read-only disk. From then on a fail-stop halt (status 1) whose
     * logged reason is the OS refusing a write the way those faults make it refuse ({@code No space left on device},
     * {@code Read-only file system}, {@code Input/output error}) is the node's expected reaction, whenever the exit is
     * seen: a write can fail in the instant the heal starts, and the process takes a moment to exit after it.
     */
    synchronized void diskFaultApplied() {
        diskFaulted = true;
    }

    private boolean isDiskFaultHalt(int exit) {
        if (!diskFaulted || exit != 1) {
            return false;
        }
        String reason = lastHaltReason();
        return reason.contains("No space left on device") || reason.contains("Read-only file system")
                || reason.contains("Input/output error");
    }

    /** The reason of the last halt the node logged ({@code node N halted: REASON}), or "" when it logged none. */
    private String lastHaltReason() {
        String line = logTail(40).lines().filter(l -> l.contains(" halted: ")).reduce((a, b) -> b).orElse("");
        return line.isEmpty() ? "" : line.substring(line.indexOf(" halted: ") + " halted: ".length());
    }

    /** Exit codes of every run of this node that ended without the harness killing or stopping it. */
    synchronized List<Integer> unexpectedExits() {
        List<Integer> all = new ArrayList<>(unexpectedExits);
        Integer last = exitedOnItsOwn();
        if (last != null && !isDiskFaultHalt(last)) {
            all.add(last);
        }
        return all;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The node's status over the client protocol, or null when it does not answer within {@code timeoutMillis}. */
    ServerStatus status(int timeoutMillis) {
        try (RaftClient client = RaftClient.connect(new InetSocketAddress("127.0.0.1", clientPort), timeoutMillis)) {
            return client.status();
        } catch (IOException e) {
            return null;
        }
    }

    /** Ends the process for good: thaws it if paused, asks it to stop (SIGTERM), then SIGKILL after a grace period. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        killedByUs = true;
        try {
            if (paused) {
                signal("CONT");
                paused = false;
            }
            process.destroy();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL without waiting: for the shutdown hook, which must not block. */
    void destroyNow() {
        Process p;
        synchronized (this) {
            killedByUs = true;
            p = process;
        }
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /** The last {@code lines} lines of server.log (empty if it cannot be read). */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Where {@link RaftServerMain} was loaded from: the running {@code tumbler.jar}, or raft-impl's classes in a
     * build. raft-impl depends on nothing else, so that location alone is the server's classpath.
     */
    static String serverClasspath() {
        try {
            return Path.of(RaftServerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }
}
