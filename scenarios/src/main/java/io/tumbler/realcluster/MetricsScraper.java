package io.tumbler.realcluster;

import io.tumbler.runformat.MetricsSample;
import io.tumbler.runformat.RunFormatJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scrapes every server's Prometheus endpoint ({@code io.tumbler.raft.runtime.MetricsEndpoint}) once a second and
 * appends one JSON line per node that answered to {@code metrics.jsonl}: {@code timeNanos} (the history's clock),
 * {@code node}, {@code role} and every sample as {@code name -> value} without the {@code tumbler_} prefix, written
 * through its run-format record ({@link MetricsSample}). A
 * killed or paused node does not answer; its gap in the file is the fault.
 */
final class MetricsScraper implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 300;

    private final TreeMap<Integer, Integer> ports;
    private final RunClock clock;
    private final BufferedWriter out;
    private final Thread thread;
    private volatile boolean stopped;
    private long samples;

    MetricsScraper(Map<Integer, Integer> metricsPorts, RunClock clock, Path file) throws IOException {
        this.ports = new TreeMap<>(metricsPorts);
        this.clock = clock;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.thread = new Thread(this::loop, "metrics-scraper");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        try {
            for (long second = 0; !stopped; second++) {
                clock.sleepUntilMillis(second * 1_000);
                scrapeAll();
            }
        } catch (InterruptedException e) {
            // Closing.
        } catch (IOException e) {
            System.getLogger(MetricsScraper.class.getName()).log(System.Logger.Level.WARNING,
                    "metrics.jsonl could not be written; scraping stops: " + e);
        }
    }

    private void scrapeAll() throws IOException {
        for (Map.Entry<Integer, Integer> e : ports.entrySet()) {
            String text = fetch(e.getValue());
            if (text != null) {
                MetricsSample line = parse(text, e.getKey(), clock.nanos());
                synchronized (out) {
                    out.write(RunFormatJson.line(line));
                    out.write('\n');
                    samples++;
                }
            }
        }
        synchronized (out) {
            out.flush();
        }
    }

    private static String fetch(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
            c.setConnectTimeout(TIMEOUT_MILLIS);
            c.setReadTimeout(TIMEOUT_MILLIS);
            try (InputStream in = c.getInputStream()) {
                return c.getResponseCode() == 200 ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return null; // down, paused or stuck: no sample
        }
    }

    /**
     * The samples of one exposition text ({@code name{labels} value}) scraped from {@code node} at {@code timeNanos};
     * the role is the one whose gauge is 1.
     */
    static MetricsSample parse(String text, int node, long timeNanos) {
        String role = null;
        TreeMap<String, Long> samples = new TreeMap<>();
        for (String l : text.split("\n")) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            int brace = l.indexOf('{');
            int space = l.lastIndexOf(' ');
            if (brace < 0 || space < brace) {
                continue;
            }
            String name = l.substring(0, brace).replaceFirst("^tumbler_", "");
            long value = Long.parseLong(l.substring(space + 1).trim());
            if (name.equals("raft_role")) {
                if (value == 1) {
                    int at = l.indexOf("role=\"");
                    role = l.substring(at + 6, l.indexOf('"', at + 6));
                }
            } else {
                samples.put(name, value);
            }
        }
        return new MetricsSample(node, role, timeNanos, samples);
    }

    /** Samples written so far. */
    long samples() {
        synchronized (out) {
            return samples;
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            out.close();
        }
    }
}
