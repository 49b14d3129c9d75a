package io.tumbler.report.render;

import io.tumbler.report.input.CampaignFiles;
import io.tumbler.report.view.CampaignView;
import io.tumbler.report.view.CheckRow;
import io.tumbler.report.view.RunHeader;
import io.tumbler.report.view.RunView;
import io.tumbler.runformat.CampaignResult;
import io.tumbler.runformat.RunRecord;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML (the Ant/Surefire dialect CI test tabs read): for a campaign, a {@code testsuite} per scenario and
 * bug flags with a {@code testcase} per seed; for a run, a {@code testcase} per check. A failure's body is the
 * line that reproduces it, so a CI test tab shows what to paste.
 */
public final class JunitXml {
  private JunitXml() {}

  /** The JUnit XML of a campaign. */
  public static String campaign(CampaignView view, CampaignFiles files) {
    StringBuilder suites = new StringBuilder();
    for (CampaignView.Group g : view.groups()) {
      suites.append(suite(g, files.results()));
    }
    int failures = view.total().count("VIOLATION") + view.total().count("LIVENESS");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tumbler campaign\" tests=\""
        + view.total().runs() + "\" failures=\"" + failures + "\" errors=\"" + view.total().count("ERROR")
        + "\">\n" + suites + "</testsuites>\n";
  }

  private static String suite(CampaignView.Group g, List<CampaignResult> results) {
    String name = suiteName(g.scenario(), g.bugs());
    StringBuilder b = new StringBuilder();
    double seconds = 0;
    for (CampaignResult line : results) {
      RunRecord r = line.run();
      if (!or(r.scenario(), "?").equals(g.scenario()) || !r.bugs().equals(g.bugs())) {
        continue;
      }
      seconds += r.wallMillis() / 1000.0;
      b.append(seedCase(name, r));
    }
    return "  <testsuite name=\"" + Markup.esc(name) + "\" tests=\"" + g.runs() + "\" failures=\""
        + (g.count("VIOLATION") + g.count("LIVENESS")) + "\" errors=\"" + g.count("ERROR") + "\" skipped=\"0\" time=\""
        + secs(seconds) + "\">\n" + b + "  </testsuite>\n";
  }

  private static String or(String value, String absent) {
    return value == null ? absent : value;
  }

  private static String seedCase(String suite, RunRecord r) {
    String outcome = or(r.outcome(), "ERROR");
    String head = "    <testcase classname=\"" + Markup.esc(suite) + "\" name=\"seed " + r.seed()
        + "\" time=\"" + secs(r.wallMillis() / 1000.0) + "\"";
    if ("PASS".equals(outcome)) {
      return head + "/>\n";
    }
    String tag = "ERROR".equals(outcome) ? "error" : "failure";
    String violated = String.join(", ", r.violated());
    String replay = or(r.replay(), "");
    String body = "reproduce: " + replay + "\nfingerprint: " + or(r.fingerprint(), "") + "\ncommit: "
        + or(r.commit(), "") + "\nfailed checks: " + violated + "\n";
    return head + ">\n      <" + tag + " type=\"" + Markup.esc(outcome) + "\" message=\"" + Markup.esc(outcome + ": "
        + violated + " — reproduce: " + replay) + "\">" + Markup.esc(body) + "</" + tag
        + ">\n    </testcase>\n";
  }

  /** The JUnit XML of one run: a test case per check. */
  public static String run(RunView view) {
    RunHeader h = view.header();
    String name = suiteName(h.scenario(), h.bugs()) + " seed " + h.seed();
    StringBuilder b = new StringBuilder();
    int failures = 0;
    double seconds = 0;
    for (CheckRow c : view.checks()) {
      seconds += c.millis() / 1000;
      String head = "    <testcase classname=\"" + Markup.esc(name) + "\" name=\"" + Markup.esc(c.check())
          + "\" time=\"" + secs(c.millis() / 1000) + "\"";
      if (!c.failed()) {
        b.append(head).append("/>\n");
        continue;
      }
      failures++;
      String body = "reproduce: " + h.replay() + "\nfingerprint: " + h.fingerprint() + "\n" + String.join("\n", c.details());
      b.append(head).append(">\n      <failure type=\"").append(Markup.esc(c.verdict())).append("\" message=\"")
          .append(Markup.esc(c.check() + " failed — reproduce: " + h.replay())).append("\">").append(Markup.esc(body))
          .append("</failure>\n    </testcase>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tumbler run\" tests=\""
        + view.checks().size() + "\" failures=\"" + failures + "\" errors=\"0\">\n  <testsuite name=\"" + Markup.esc(name)
        + "\" tests=\"" + view.checks().size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\" time=\""
        + secs(seconds) + "\">\n" + b + "  </testsuite>\n</testsuites>\n";
  }

  static String suiteName(String scenario, List<String> bugs) {
    return "tumbler." + scenario + (bugs.isEmpty() ? "" : "[" + String.join(",", bugs) + "]");
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }
}
