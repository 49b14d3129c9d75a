package io.tumbler.scenario.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Tumbler scenario over a seed range inside a JUnit 5 test: one test invocation per seed, named
 * by its seed, each a full simulated run with every check. A failing seed fails its invocation with the
 * violated checks and the one-line replay command.
 *
 * <pre>{@code
 * class ClusterTest {
 *   @TumblerSeeds(scenario = "default", first = 1, last = 50)
 *   void defaultScenarioIsCorrect(RunResult run) {
 *     // optional extra assertions on the run; the extension already failed it if a check failed
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(TumblerSeedsExtension.class)
public @interface TumblerSeeds {
  /** The scenario name, as {@code tumbler list scenarios} shows it. */
  String scenario() default "default";

  /** The first seed, inclusive. */
  long first() default 1;

  /** The last seed, inclusive. */
  long last() default 20;

  /** Seconds each linearizability check may take. */
  long checkTimeLimitSeconds() default 60;
}
