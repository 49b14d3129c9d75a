package io.tumbler.cli;

import java.util.List;

/**
 * What {@code tumbler mutate} concluded about one mutant. Only {@link Caught} counts towards the campaign's
 * bug-finding power; a patch that does not apply or a build that fails says nothing about the campaign and is
 * reported as such, never as caught or missed.
 */
sealed interface MutantVerdict {
  /** The table's verdict word. */
  String word();

  /** A campaign seed failed: the smallest failing seed, its outcome and violated checks, and how many seeds ran. */
  record Caught(long firstSeed, String outcome, List<String> checks, long seedsRun) implements MutantVerdict {
    public Caught {
      checks = List.copyOf(checks);
    }

    @Override
    public String word() {
      return "caught";
    }
  }

  /** Every seed of the campaign passed. */
  record Missed(long seedsRun) implements MutantVerdict {
    @Override
    public String word() {
      return "missed";
    }
  }

  /** {@code git apply --3way} refused the patch; {@code message} is git's. */
  record PatchFailed(String message) implements MutantVerdict {
    @Override
    public String word() {
      return "patch-failed";
    }
  }

  /** The patched code did not build; {@code logTail} is the end of Maven's output. */
  record BuildFailed(String logTail) implements MutantVerdict {
    @Override
    public String word() {
      return "build-failed";
    }
  }

  /** The campaign process failed without a failing seed (bad input, harness error, no results). */
  record CampaignError(int exitCode, String logTail) implements MutantVerdict {
    @Override
    public String word() {
      return "campaign-error";
    }
  }
}
