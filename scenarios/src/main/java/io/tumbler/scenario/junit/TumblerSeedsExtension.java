package io.tumbler.scenario.junit;

import io.tumbler.scenario.run.CheckReport;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.AssertionFailedError;

/** The extension behind {@link TumblerSeeds}: one invocation per seed, run before the test body sees it. */
public final class TumblerSeedsExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(TumblerSeeds.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    TumblerSeeds seeds = context.getRequiredTestMethod().getAnnotation(TumblerSeeds.class);
    Scenario scenario = ScenarioCatalog.named(seeds.scenario());
    Duration limit = Duration.ofSeconds(seeds.checkTimeLimitSeconds());
    return LongStream.rangeClosed(seeds.first(), seeds.last()).mapToObj(seed -> invocation(scenario, seed, limit));
  }

  private static TestTemplateInvocationContext invocation(Scenario scenario, long seed, Duration limit) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return scenario.name() + " seed " + seed;
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new SeedRun(scenario, seed, limit));
      }
    };
  }

  /** Runs the seed when JUnit asks for the test's {@link RunResult} parameter (or before a body without one). */
  private static final class SeedRun implements ParameterResolver, org.junit.jupiter.api.extension.BeforeEachCallback {
    private final Scenario scenario;
    private final long seed;
    private final Duration limit;
    private RunResult result;

    SeedRun(Scenario scenario, long seed, Duration limit) {
      this.scenario = scenario;
      this.seed = seed;
      this.limit = limit;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      RunArtifacts run = new ScenarioRunner(false, limit).run(scenario, seed);
      result = run.result();
      if (result.outcome() != Outcome.PASS) {
        throw new AssertionFailedError(describeFailure(result));
      }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == RunResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return result;
    }
  }

  static String describeFailure(RunResult r) {
    StringBuilder b = new StringBuilder();
    b.append(r.outcome()).append(" in scenario ").append(r.scenario()).append(" seed ").append(r.seed())
        .append(" (fingerprint ").append(r.fingerprint()).append("): ").append(r.violated()).append('\n');
    for (CheckReport c : r.checks()) {
      if (c.verdict() != CheckReport.Verdict.PASS) {
        b.append("  ").append(c.check()).append(": ").append(c.details().isEmpty() ? "" : c.details().get(0)).append('\n');
      }
    }
    b.append("reproduce: ").append(r.replayCommand());
    return b.toString();
  }
}
